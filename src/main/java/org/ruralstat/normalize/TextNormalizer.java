package org.ruralstat.normalize;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Cleans cell text the way a person reads it: full-width forms folded (NFKC), line breaks and runs of
 * spaces collapsed, spaces between Chinese characters removed; and gives match keys in simplified
 * characters for comparing names, headers and code values.
 */
public final class TextNormalizer {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000\\uFEFF\\u200B]+");
    private static final Pattern SPACE_NEAR_CJK = Pattern.compile("(?<=[\\p{IsHan}]) (?=[\\p{IsHan}])");
    private static final Pattern NOT_KEY = Pattern.compile("[\\s\\p{Punct}（）【】《》〈〉「」『』、，。：；！？“”‘’·…—－]+");
    private static final int CACHE_LIMIT = 200_000;

    private static final Transliterator TRADITIONAL_TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
    private static final Map<String, String> SIMPLIFIED = new ConcurrentHashMap<>();

    private TextNormalizer() {
    }

    /** NFKC, trimmed, inner whitespace collapsed to one space, no space between two Chinese characters. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        text = WHITESPACE.matcher(text).replaceAll(" ").trim();
        if (text.indexOf(' ') >= 0) {
            text = SPACE_NEAR_CJK.matcher(text).replaceAll("");
        }
        return text;
    }

    /** The text in simplified characters; ASCII passes through untouched. */
    public static String toSimplified(String text) {
        if (text.isEmpty() || text.chars().allMatch(c -> c < 0x2E80)) {
            return text;
        }
        String cached = SIMPLIFIED.get(text);
        if (cached != null) {
            return cached;
        }
        String simplified;
        synchronized (TRADITIONAL_TO_SIMPLIFIED) {
            simplified = TRADITIONAL_TO_SIMPLIFIED.transliterate(text);
        }
        if (SIMPLIFIED.size() < CACHE_LIMIT) {
            SIMPLIFIED.put(text, simplified);
        }
        return simplified;
    }

    /**
     * A key for matching names, headers and code values: cleaned, simplified, lower-case, without
     * whitespace and punctuation (so "市（州）" and "市州", "第一書記" and "第一书记" meet).
     */
    public static String matchKey(String raw) {
        String text = toSimplified(clean(raw)).toLowerCase(java.util.Locale.ROOT);
        return NOT_KEY.matcher(text).replaceAll("");
    }
}
