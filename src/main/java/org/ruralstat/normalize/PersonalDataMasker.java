package org.ruralstat.normalize;

import java.util.regex.Pattern;

/** Masks personal data for anything a person reads: names keep their first and last character, numbers their ends. */
public final class PersonalDataMasker {

    private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9])(\\d{6})\\d{8,9}(\\d{2}[0-9Xx]?)(?![0-9])");
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
        String out = ID_LIKE.matcher(halfWidthDigits(text)).replaceAll("$1********$2");
        out = SCIENTIFIC_ID.matcher(out).replaceAll("$1.$2***$3");
        return MOBILE.matcher(out).replaceAll("$1****$2");
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
