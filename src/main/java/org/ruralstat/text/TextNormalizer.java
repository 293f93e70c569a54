package org.ruralstat.text;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Cleans cell text the way a person reads it: full-width forms folded (NFKC), line breaks and runs of
 * spaces collapsed, spaces between Chinese characters removed; and gives match keys in simplified
 * characters for comparing names, headers and code values. Text that is already clean, simplified or a key
 * (most cells) is recognised in one pass and returned as it is.
 */
public final class TextNormalizer {

    private static final Pattern CONTROL_OR_BIDI = Pattern.compile("[\\p{Cc}\\u200C-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\u061C]");
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000\\uFEFF\\u200B]+");
    private static final Pattern SPACE_NEAR_CJK = Pattern.compile("(?<=[\\p{IsHan}]) (?=[\\p{IsHan}])");
    private static final Pattern NOT_KEY = Pattern.compile("[\\s\\p{Punct}（）【】《》〈〉「」『』、，。：；！？“”‘’·…—－]+");

    private static final TraditionalCharacters TRADITIONAL =
            new TraditionalCharacters(Transliterator.getInstance("Traditional-Simplified"));
    private static final BoundedMemo<String, String> SIMPLIFIED = new BoundedMemo<>(200_000);

    private TextNormalizer() {
    }

    /** NFKC, trimmed, inner whitespace collapsed to one space, no space between two Chinese characters. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        return isClean(raw) ? raw : cleanFully(raw);
    }

    static String cleanFully(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        text = WHITESPACE.matcher(text).replaceAll(" ");
        // NUL, escapes and the characters that reorder or hide text never reach a fact, a finding or a receipt
        text = CONTROL_OR_BIDI.matcher(text).replaceAll("").trim();
        if (text.indexOf(' ') >= 0) {
            text = SPACE_NEAR_CJK.matcher(text).replaceAll("");
        }
        return text;
    }

    /**
     * True when cleaning cannot change the text: printable ASCII and CJK unified ideographs (both unchanged by NFKC),
     * spaces only single, inside, and not between two ideographs.
     */
    static boolean isClean(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == last || text.charAt(i + 1) == ' '
                        || isIdeograph(text.charAt(i - 1)) && isIdeograph(text.charAt(i + 1))) {
                    return false;
                }
            } else if ((c <= ' ' || c >= 0x7F) && !isIdeograph(c)) {
                return false;
            }
        }
        return true;
    }

    /** True when the text is written in scientific notation, the mark of a long code Excel stored as a number. */
    public static boolean isScientificNotation(String raw) {
        return SCIENTIFIC.matcher(clean(raw)).matches();
    }

    /** The text in simplified characters; ASCII passes through untouched. */
    public static String toSimplified(String text) {
        if (isBelowCjk(text) || !TRADITIONAL.mayChange(text)) {
            return text;
        }
        return SIMPLIFIED.get(text, TRADITIONAL::toSimplified);
    }

    private static boolean isBelowCjk(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x2E80) {
                return false;
            }
        }
        return true;
    }

    /**
     * A key for matching names, headers and code values: cleaned, simplified, lower-case, without
     * whitespace and punctuation (so "市（州）" and "市州", "第一書記" and "第一书记" meet).
     */
    public static String matchKey(String raw) {
        String text = toSimplified(clean(raw));
        return isKey(text) ? text : NOT_KEY.matcher(text.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
    }

    /**
     * False only when {@link #matchKey} of the text cannot begin with one of {@code starts} (lower-case ASCII letters and
     * CJK ideographs), told from the text's first ASCII letter, digit or ideograph without building the key. Any other
     * character first (a full-width or compatibility form, which NFKC may turn into anything), or a text simplification
     * may change, answers true: the caller builds the key.
     */
    public static boolean keyMayStartWith(String raw, String starts) {
        if (raw == null) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x80) {
                char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                if (lower >= 'a' && lower <= 'z' || lower >= '0' && lower <= '9') {
                    return starts.indexOf(lower) >= 0;
                }
                // ASCII punctuation, spaces and controls never become a letter or an ideograph of the key
                continue;
            }
            if (isIdeograph(c) && !TRADITIONAL.mayChange(raw)) {
                return starts.indexOf(c) >= 0;
            }
            return true;
        }
        return false;
    }

    static String matchKeyFully(String raw) {
        String text = toSimplified(cleanFully(raw == null ? "" : raw)).toLowerCase(java.util.Locale.ROOT);
        return NOT_KEY.matcher(text).replaceAll("");
    }

    /** True when the text is its own key: lower-case ASCII letters, digits and CJK unified ideographs only. */
    private static boolean isKey(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || isIdeograph(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdeograph(char c) {
        return c >= 0x4E00 && c <= 0x9FFF;
    }
}
