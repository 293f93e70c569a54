package org.ruralstat.subject;

import org.ruralstat.reference.UnitCatalog;
import org.ruralstat.text.TextNormalizer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column header split into the words that name the field, the unit written with them and the year it is for:
 * `投资（万元）` is 投资 in 万元, `農村居民人均可支配收入(元)` is 农村居民人均可支配收入 in 元,
 * `农村居民人均可支配收入2021年（元）` and `农村居民人均可支配收入（元）2021年` (a merged group header over its year
 * columns, flattened) are 农村居民人均可支配收入 in 元 for 2021.
 *
 * @param key  the match key of the words (simplified, no spaces or punctuation, no year)
 * @param unit the unit text, empty when the header gives none
 * @param year the one year the header names (`2021年`, `2021`, `二〇二一年`), or null
 * @param kind what the column holds besides its words: this year's value, last year's (上年), or a figure derived
 *             from the values (增长%, 增减), which is never a fact
 */
public record HeaderText(String key, String unit, Integer year, Kind kind) {

    /** What a column holds, as its header says. */
    public enum Kind { VALUE, PREVIOUS_YEAR, DERIVED }

    private static final Pattern BRACKETED = Pattern.compile("^(.*?)[（(\\[【〔]\\s*(?:单位[:：]?)?\\s*([^）)\\]】〕]*)[）)\\]】〕]\\s*$");
    private static final Pattern SLASHED = Pattern.compile("^(.*?)\\s*[/／]\\s*(\\S{1,4})$");
    private static final Pattern NUMBERING = Pattern.compile("^(?:\\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}、|[(（]\\d{1,2}[)）])\\s*");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.])((?:19|20)\\d{2})(?![\\d.])\\s*(?:年度|年)?");
    private static final Pattern NUMERIC_YEAR = Pattern.compile("(?<![\\d.])((?:19|20)\\d{2})\\.0(?!\\d)");
    private static final Pattern CHINESE_YEAR = Pattern.compile("([一二][〇零○九][〇零○一二三四五六七八九]{2})\\s*(?:年度|年)");
    private static final Pattern DERIVED = Pattern.compile("增长|增减|增幅|增速|增加额|减少额|同比|环比|比上年|较上年|比去年|较去年|[%％]|百分比|变化率|变动");
    private static final Pattern PREVIOUS = Pattern.compile("上年同期|上年度|上年|去年|上一年|前一年");
    private static final Pattern CURRENT = Pattern.compile("本年度|本年|今年|当年|本期");

    public HeaderText {
        kind = kind == null ? Kind.VALUE : kind;
    }

    public HeaderText(String key, String unit) {
        this(key, unit, null, Kind.VALUE);
    }

    public static HeaderText parse(String raw, UnitCatalog units) {
        String text = TextNormalizer.toSimplified(TextNormalizer.clean(raw));
        if (!text.isEmpty() && mayBeNumbered(text.charAt(0))) {
            text = NUMBERING.matcher(text).replaceFirst("");
        }
        Integer year = null;
        Kind kind = Kind.VALUE;
        if (mayHoldYearOrMark(text)) {
            if (text.contains(".0")) {
                text = NUMERIC_YEAR.matcher(text).replaceAll("$1");
            }
            if (DERIVED.matcher(text).find()) {
                kind = Kind.DERIVED;
            } else {
                String previous = PREVIOUS.matcher(text).replaceAll("");
                if (!previous.equals(text) && hasWords(previous)) {
                    kind = Kind.PREVIOUS_YEAR;
                    text = previous;
                } else if (!previous.equals(text)) {
                    kind = Kind.PREVIOUS_YEAR;
                }
                String current = CURRENT.matcher(text).replaceAll("");
                if (!current.equals(text) && hasWords(current)) {
                    text = current;
                }
            }
            YearInText found = year(text);
            if (found != null) {
                year = found.year();
                text = found.rest();
            }
        }
        // most cells layout detection asks about are data, with neither a bracket nor a slash: no pattern to run
        if (endsWithBracket(text)) {
            HeaderText split = withUnit(BRACKETED, text, units, year, kind);
            if (split != null) {
                return split;
            }
        }
        if (text.indexOf('/') >= 0 || text.indexOf('／') >= 0) {
            HeaderText split = withUnit(SLASHED, text, units, year, kind);
            if (split != null) {
                return split;
            }
        }
        return new HeaderText(TextNormalizer.matchKey(text), "", year, kind);
    }

    /** True when the header names a year and nothing else (`2021年` under a merged indicator header). */
    public boolean isYearOnly() {
        return year != null && key.isEmpty();
    }

    private record YearInText(int year, String rest) {
    }

    /** The one year the text names and the text without it; null when it names none, or two (a range). */
    private static YearInText year(String text) {
        Matcher m = YEAR.matcher(text);
        Integer year = null;
        int start = -1;
        int end = -1;
        while (m.find()) {
            if (year != null) {
                return null;
            }
            year = Integer.parseInt(m.group(1));
            start = m.start();
            end = m.end();
        }
        if (year == null) {
            Matcher c = CHINESE_YEAR.matcher(text);
            if (!c.find()) {
                return null;
            }
            year = chineseYear(c.group(1));
            start = c.start();
            end = c.end();
            if (c.find()) {
                return null;
            }
        }
        return new YearInText(year, (text.substring(0, start) + " " + text.substring(end)).trim());
    }

    private static int chineseYear(String digits) {
        int year = 0;
        for (char ch : digits.toCharArray()) {
            int d = "〇一二三四五六七八九".indexOf(ch);
            if (d < 0) {
                d = 0;
            }
            year = year * 10 + d;
        }
        return year;
    }

    /** Whether any of the year or mark patterns could match: a digit, 年, 期 or a percent sign in the text. */
    private static boolean mayHoldYearOrMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= '0' && ch <= '9' || ch == '年' || ch == '期' || ch == '%' || ch == '％' || ch == '增'
                    || ch == '比' || ch == '变' || ch == '减') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text keeps words of its own once brackets are set aside: two letters at least, so that 本年数 and
     * 上年数 (数 alone names nothing) stay whole.
     */
    private static boolean hasWords(String text) {
        String words = text.replaceAll("[（(\\[【〔].*?[）)\\]】〕]", "");
        int letters = 0;
        for (int i = 0; i < words.length(); i++) {
            if (Character.isLetter(words.charAt(i))) {
                letters++;
            }
        }
        return letters >= 2;
    }

    /** The words and unit the pattern splits the text into, or null when it does not match or names no unit. */
    private static HeaderText withUnit(Pattern pattern, String text, UnitCatalog units, Integer year, Kind kind) {
        Matcher m = pattern.matcher(text);
        return m.matches() && isUnit(m.group(2), units)
                ? new HeaderText(TextNormalizer.matchKey(m.group(1)), m.group(2).trim(), year, kind) : null;
    }

    /** Whether NUMBERING could match text starting with this character. */
    private static boolean mayBeNumbered(char first) {
        return first >= '0' && first <= '9' || first == '(' || first == '（' || "一二三四五六七八九十".indexOf(first) >= 0;
    }

    /** Whether BRACKETED could match: the text ends with a closing bracket, spaces aside. */
    private static boolean endsWithBracket(String text) {
        int last = text.length() - 1;
        while (last >= 0 && Character.isWhitespace(text.charAt(last))) {
            last--;
        }
        return last >= 0 && "）)]】〕".indexOf(text.charAt(last)) >= 0;
    }

    private static boolean isUnit(String text, UnitCatalog units) {
        return units.find(text).isPresent() || UnitCatalog.multiplier(text).isPresent();
    }
}
