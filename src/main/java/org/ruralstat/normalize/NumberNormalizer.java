package org.ruralstat.normalize;

import org.ruralstat.text.ChineseNumerals;
import org.ruralstat.text.TextNormalizer;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers as Chinese returns write them: full-width digits, thousands separators, Unicode minus
 * signs, percentages, a unit after the number (`1.37万`, `26.5万元`) and small Chinese numerals
 * (`三十二`). Blanks and the placeholders `-`, `—`, `/` mean "no value".
 */
public final class NumberNormalizer {

    private static final Set<String> EMPTY_MARKERS = Set.of("", "-", "--", "—", "——", "/", "\\", "无", "空", "n/a", "na", "null");
    private static final Pattern GROUPED = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
    private static final Pattern NUMBER = Pattern.compile(
            "^([+-]?)(\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE]([+-]?\\d+))?\\s*([%‰])?\\s*(.*)$");

    private NumberNormalizer() {
    }

    /** The number in the text, or empty when the text is not a number (a blank cell is {@link ParsedNumber#EMPTY}). */
    public static Optional<ParsedNumber> parse(String raw) {
        String cleaned = TextNormalizer.clean(raw);
        return isPlainDecimal(cleaned) ? Optional.of(new ParsedNumber(new BigDecimal(cleaned), "", false)) : parseFully(cleaned);
    }

    static Optional<ParsedNumber> parseFully(String raw) {
        String text = TextNormalizer.clean(raw)
                .replace('\u2212', '-').replace('\u2012', '-').replace('\u2013', '-').replace('\uFE63', '-')
                .replace('，', ',');
        if (EMPTY_MARKERS.contains(text.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of(ParsedNumber.EMPTY);
        }
        text = GROUPED.matcher(text).replaceAll("").replace(" ", "");
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            return ChineseNumerals.parse(text).map(v -> new ParsedNumber(BigDecimal.valueOf(v), "", false));
        }
        BigDecimal value = new BigDecimal(m.group(2).startsWith(".") ? "0" + m.group(2) : m.group(2));
        if (m.group(3) != null) {
            value = value.scaleByPowerOfTen(Integer.parseInt(m.group(3)));
        }
        if ("-".equals(m.group(1))) {
            value = value.negate();
        }
        boolean percent = m.group(4) != null;
        if (percent) {
            value = value.movePointLeft("%".equals(m.group(4)) ? 2 : 3);
        }
        String unit = m.group(5);
        if (!unit.isEmpty() && unit.chars().anyMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(new ParsedNumber(value, unit, percent));
    }

    /** Digits, with a decimal point between digits at most once: what most cells hold, read without the patterns. */
    static boolean isPlainDecimal(String text) {
        int length = text.length();
        if (length == 0 || text.charAt(0) == '.' || text.charAt(length - 1) == '.') {
            return false;
        }
        boolean point = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
