package org.ruralstat.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads reporting periods: `2022`, `2022年`, `2022年度`, `2022年第二季度`, `2022Q2`, `2022-06`, `2022年6月`;
 * and finds the single year in a title, sheet or file name (`2021年汪清县…`, sheets named `2018年`),
 * ignoring ranges such as `2019-2022年`.
 */
public final class PeriodNormalizer {

    private static final Pattern YEAR = Pattern.compile("^(\\d{4})(?:年度?|年份)?$");
    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})(?:年)?(?:-|第)?(?:q|Q)?([1-4一二三四])(?:季度|季)?$");
    private static final Pattern QUARTER_Q = Pattern.compile("^(\\d{4})[-年]?[qQ]([1-4])$");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4})(?:年|-|/|\\.)(\\d{1,2})(?:月份?)?$");
    private static final Pattern YEAR_IN_NAME = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)\\s*(?:年|年度)?");
    private static final Pattern YEAR_RANGE = Pattern.compile("((?:19|20)\\d{2})\\s*(?:年)?\\s*[\\-－—~至到]\\s*((?:19|20)\\d{2})");

    private PeriodNormalizer() {
    }

    /** The period written in a cell, or empty when the text is not a period. */
    public static Optional<Period> parse(String raw) {
        String text = TextNormalizer.clean(raw).replace(" ", "");
        if (text.length() == 4 && isDigit(text.charAt(0)) && isDigit(text.charAt(1)) && isDigit(text.charAt(2))
                && isDigit(text.charAt(3))) {
            return year(text);
        }
        if (text.endsWith(".0")) {
            text = text.substring(0, text.length() - 2);
        }
        Matcher m = YEAR.matcher(text);
        if (m.matches()) {
            return year(m.group(1));
        }
        m = QUARTER_Q.matcher(text);
        if (!m.matches()) {
            m = QUARTER.matcher(text);
            if (!m.matches() || !text.contains("季")) {
                m = null;
            }
        }
        if (m != null) {
            int quarter = "1一".indexOf(m.group(2)) >= 0 ? 1 : "2二".indexOf(m.group(2)) >= 0 ? 2
                    : "3三".indexOf(m.group(2)) >= 0 ? 3 : 4;
            return year(m.group(1)).map(p -> new Period(p.year(), p.year() + "-Q" + quarter));
        }
        m = MONTH.matcher(text);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return year(m.group(1)).map(p -> new Period(p.year(), p.year() + (month < 10 ? "-0" : "-") + month));
            }
        }
        return Optional.empty();
    }

    /** The one year named in a title, sheet or file name; empty when it names none, or a range. */
    public static Optional<Period> findInName(String raw) {
        String text = TextNormalizer.clean(raw);
        if (YEAR_RANGE.matcher(text).find()) {
            return Optional.empty();
        }
        Matcher m = YEAR_IN_NAME.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String first = m.group(1);
        while (m.find()) {
            if (!m.group(1).equals(first)) {
                return Optional.empty();
            }
        }
        return year(first);
    }

    /** The span of years named in a title, sheet or file name (`2020-2022年`); empty when there is none. */
    public static Optional<YearSpan> findSpanInName(String raw) {
        Matcher m = YEAR_RANGE.matcher(TextNormalizer.clean(raw));
        if (!m.find()) {
            return Optional.empty();
        }
        int first = Integer.parseInt(m.group(1));
        int last = Integer.parseInt(m.group(2));
        return first <= last ? Optional.of(new YearSpan(first, last)) : Optional.empty();
    }

    /** The range named in a file name (`2019-2022年`), as "2019-2022"; empty when there is none. */
    public static Optional<String> findRangeInName(String raw) {
        Matcher m = YEAR_RANGE.matcher(TextNormalizer.clean(raw));
        return m.find() ? Optional.of(m.group(1) + "-" + m.group(2)) : Optional.empty();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Optional<Period> year(String digits) {
        int year = Integer.parseInt(digits);
        return year >= 1949 && year <= 2100 ? Optional.of(Period.ofYear(year)) : Optional.empty();
    }
}
