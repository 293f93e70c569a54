package org.ruralstat.text;

import java.util.regex.Pattern;

/** Masks personal data for anything a person reads: names keep their first and last character, numbers their ends. */
public final class PersonalDataMasker {

    private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9])(\\d{6})\\d{7,9}(\\d{2}[0-9Xx]?)(?![0-9])");
    /** Digits written in groups (`139 1234 5678`, `139-1234-5678`, `+86 139…`, `222402 19800101 0125`). */
    private static final Pattern GROUPED = Pattern.compile("(?<![0-9])(\\+?86[ -]?)?\\d(?:[ -]?\\d){10,16}(?:[ -]?[0-9Xx])?(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9]\\d)\\d{4}(\\d{4})(?![0-9])");
    private static final Pattern SCIENTIFIC_ID = Pattern.compile("(\\d)\\.(\\d{2})\\d+([eE]\\+?1[4-7])");

    private PersonalDataMasker() {
    }

    /** 张三 → 张*, 张小明 → 张*明, 欧阳小明 → 欧**明. */
    public static String maskName(String name) {
        String text = TextNormalizer.clean(name).replace(" ", "");
        int[] cps = text.codePoints().toArray();
        if (cps.length <= 1) {
            return text.isEmpty() ? "" : "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return masked.append('*').toString();
        }
        masked.append("*".repeat(cps.length - 2));
        return masked.appendCodePoint(cps[cps.length - 1]).toString();
    }

    /** An ID number with its middle hidden: 222401**********3X. */
    public static String maskIdNumber(String id) {
        String text = IdNumber.normalize(id);
        if (text.length() <= 6) {
            return "*".repeat(text.length());
        }
        int tail = Math.min(2, text.length() - 6);
        return text.substring(0, 6) + "*".repeat(text.length() - 6 - tail) + text.substring(text.length() - tail);
    }

    /** A phone number with its middle hidden: 139****1234. */
    public static String maskPhone(String phone) {
        String text = TextNormalizer.clean(phone).replaceAll("[\\s-]", "");
        if (text.length() <= 4) {
            return "*".repeat(text.length());
        }
        return text.substring(0, Math.min(3, text.length() - 4)) + "****" + text.substring(text.length() - 4);
    }

    /** Any text with ID-like and mobile-like digit runs hidden: a last line of defence for free text. */
    public static String scrub(String text) {
        return text == null || cannotHoldNumbers(text) ? text : scrubFully(text);
    }

    static String scrubFully(String text) {
        String out = ungrouped(halfWidthDigits(text));
        out = ID_LIKE.matcher(out).replaceAll("$1********$2");
        out = SCIENTIFIC_ID.matcher(out).replaceAll("$1.$2***$3");
        return MOBILE.matcher(out).replaceAll("$1****$2");
    }

    /**
     * ID and mobile numbers written in groups or with the country code, run together so the patterns below mask them:
     * `+86 139-1234-5678` becomes `+86 13912345678`, `222402 19800101 0125` becomes `222402198001010125`. Other
     * grouped digits (a landline, an amount with spaces) are left as written.
     */
    private static String ungrouped(String text) {
        java.util.regex.Matcher m = GROUPED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String prefix = m.group(1) == null ? "" : m.group(1);
            String digits = m.group().substring(prefix.length()).replaceAll("[ -]", "");
            boolean mobile = digits.length() == 11 && digits.matches("1[3-9]\\d{9}");
            boolean id = prefix.isEmpty() && (digits.length() == 18 || digits.length() == 15);
            String replacement = mobile ? prefix.strip() + (prefix.isEmpty() ? "" : " ") + digits : id ? digits : m.group();
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Text fit for a log line: personal numbers masked as {@link #scrub} masks them, and control and bidirectional
     * characters (a newline or an ANSI escape in a file name could forge a log line; U+202E could reverse it) shown as
     * their code, {@code \\u000a}.
     */
    public static String forLog(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = scrub(text);
        StringBuilder out = new StringBuilder(scrubbed.length());
        scrubbed.codePoints().forEach(cp -> {
            if (isControlOrBidi(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** C0 and C1 controls, and the format characters that reorder or hide text (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069). */
    public static boolean isControlOrBidi(int cp) {
        return Character.getType(cp) == Character.CONTROL || cp >= 0x200B && cp <= 0x200F || cp >= 0x202A && cp <= 0x202E
                || cp >= 0x2066 && cp <= 0x2069 || cp == 0xFEFF || cp == 0x061C;
    }

    /**
     * True when no pattern can match and there is nothing to make half-width: fewer than five digits (a masked
     * scientific ID needs five, a mobile number eleven) and no full-width digit or X.
     */
    static boolean cannotHoldNumbers(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && ++digits == 5 || c >= '０' && c <= '９' || c == 'Ｘ' || c == 'ｘ') {
                return false;
            }
        }
        return true;
    }

    /** Full-width digits (typed in a Chinese input method's full-width mode) as ASCII, everything else as is. */
    private static String halfWidthDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c == 'Ｘ' ? 'X' : c == 'ｘ' ? 'x' : c);
        }
        return out.toString();
    }
}
