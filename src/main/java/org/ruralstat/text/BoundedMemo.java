package org.ruralstat.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The answers of a pure piece of work whose inputs repeat (dates down a sheet, header texts from file to file),
 * remembered for up to {@code limit} inputs; past the limit the work is done again rather than memory growing.
 * Safe for concurrent use; the work must never answer null.
 */
public final class BoundedMemo<K, V> {

    private final Map<K, V> answers = new ConcurrentHashMap<>();
    private final int limit;

    public BoundedMemo(int limit) {
        this.limit = limit;
    }

    public V get(K key, Function<? super K, ? extends V> work) {
        V known = answers.get(key);
        if (known != null) {
            return known;
        }
        V found = work.apply(key);
        if (answers.size() < limit) {
            answers.put(key, found);
        }
        return found;
    }
}
