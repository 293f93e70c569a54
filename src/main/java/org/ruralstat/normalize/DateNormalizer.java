package org.ruralstat.normalize;

import org.ruralstat.text.BoundedMemo;
import org.ruralstat.text.TextNormalizer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates as returns write them: `2022-06-20`, `2022/6/20`, `2022.6.20`, `2022.06`, `2022年6月`,
 * `2022年6月20日`, `20220620`, and Excel serial numbers in the 1900 or the 1904 date system.
 * A date given only to the month is the first of that month.
 */
public final class DateNormalizer {

    private static final Pattern YMD = Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?$");
    private static final Pattern YM = Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?$");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
    private static final Pattern COMPACT_MONTH = Pattern.compile("^(\\d{4})(\\d{2})$");
    private static final String DATE_TEXT = "\\d{4}(?:[./年]\\d{1,2}(?:[./月]\\d{1,2}日?)?月?|-\\d{1,2}(?:-\\d{1,2})?)?";
    private static final Pattern RANGE = Pattern.compile(
            "^(" + DATE_TEXT + ")(?:-{1,2}|—{1,2}|–|~|～|至|到)(" + DATE_TEXT + "|至?今|现在|目前|在岗|在任)?$");
    private static final Pattern NO_END = Pattern.compile("至?今|现在|目前|在岗|在任");
    /** Dates repeat down a sheet (every posting from 2021年10月): each writing is read once. */
    private static final BoundedMemo<String, Optional<LocalDate>> PARSED = new BoundedMemo<>(50_000);

    private DateNormalizer() {
    }

    /** The date in a text cell, or empty when the text is not a date. */
    public static Optional<LocalDate> parse(String raw) {
        String text = TextNormalizer.clean(raw);
        return PARSED.get(text, DateNormalizer::parseClean);
    }

    private static Optional<LocalDate> parseClean(String text) {
        Matcher m = YMD.matcher(text);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = YM.matcher(text);
        if (m.matches()) {
            return date(m.group(1), m.group(2), "1");
        }
        m = COMPACT.matcher(text);
        if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        m = COMPACT_MONTH.matcher(text);
        if (m.matches()) {
            return date(m.group(1), m.group(2), "1");
        }
        return Optional.empty();
    }

    /**
     * The two dates of a range written in one cell: `2021.10-2023.10`, `2021年10月—2023年10月`, `2021-10-08至2023-10-07`,
     * `2021.10至今` (no end). Empty when the text is not a range.
     */
    public static Optional<LocalDate[]> parseRange(String raw) {
        String text = TextNormalizer.clean(raw).replace(" ", "");
        java.util.regex.Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<LocalDate> start = parse(m.group(1));
        if (start.isEmpty()) {
            return Optional.empty();
        }
        String end = m.group(2);
        if (end == null || end.isEmpty() || NO_END.matcher(end).matches()) {
            return Optional.of(new LocalDate[]{start.get(), null});
        }
        return parse(end).map(e -> new LocalDate[]{start.get(), e});
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return date.getYear() >= 1900 && date.getYear() <= 2100 ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
