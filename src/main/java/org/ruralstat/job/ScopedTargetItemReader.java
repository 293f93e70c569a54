package org.ruralstat.job;

import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads through a step-scoped reader's target, found when the step opens it, so that each row is a plain call: through
 * the scope's proxy every {@code read()} would go by reflection. Opening, updating and closing still go through the
 * proxy, on the step's thread, where the scope is active. The partitions of a step share one instance, each on a thread
 * of its own, so the target is kept per thread.
 */
final class ScopedTargetItemReader<T> implements ItemStreamReader<T> {

    private final ItemStreamReader<T> scoped;
    private final ThreadLocal<ItemStreamReader<T>> target = new ThreadLocal<>();

    ScopedTargetItemReader(ItemStreamReader<T> scoped) {
        this.scoped = scoped;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(ExecutionContext context) {
        scoped.open(context);
        target.set(scoped instanceof ScopedObject object ? (ItemStreamReader<T>) object.getTargetObject() : scoped);
    }

    @Override
    public T read() throws Exception {
        ItemStreamReader<T> reader = target.get();
        if (reader == null) {
            throw new IllegalStateException("the reader was not opened on this thread");
        }
        return reader.read();
    }

    @Override
    public void update(ExecutionContext context) {
        scoped.update(context);
    }

    @Override
    public void close() {
        target.remove();
        scoped.close();
    }
}
