package org.ruralstat.text;

import java.util.Optional;

/** Small Chinese numerals as people write counts: 三十二, 一百零五, 两千, 十. */
public final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    public static Optional<Long> parse(String text) {
        if (text.isEmpty() || text.length() > 12) {
            return Optional.empty();
        }
        long total = 0;
        long section = 0;
        long digit = 0;
        boolean seen = false;
        boolean afterDigit = false;
        for (char c : text.replace('两', '二').replace('〇', '零').toCharArray()) {
            int d = DIGITS.indexOf(c);
            if (d >= 0) {
                if (afterDigit && digit != 0) {
                    return Optional.empty(); // 一二三, 二〇二二: digits written one by one are no count
                }
                digit = d;
                seen = true;
                afterDigit = true;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10_000;
                default -> -1;
            };
            if (unit < 0 || (!afterDigit && unit != 10 && !(unit == 10_000 && section > 0))) {
                return Optional.empty(); // 万, 百, 千 alone name no number
            }
            afterDigit = false;
            if (unit == 10_000) {
                total += (section + digit) * unit;
                section = 0;
            } else {
                section += (digit == 0 && unit == 10 ? 1 : digit) * unit;
            }
            digit = 0;
            seen = true;
        }
        return seen ? Optional.of(total + section + digit) : Optional.empty();
    }
}
