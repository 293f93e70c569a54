package org.ruralstat.subject;

import org.ruralstat.normalize.TextNormalizer;
import org.ruralstat.normalize.UnitCatalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column header split into the words that name the field and the unit written with them:
 * `投资（万元）` is 投资 in 万元, `農村居民人均可支配收入(元)` is 农村居民人均可支配收入 in 元.
 *
 * @param key  the match key of the words (simplified, no spaces or punctuation)
 * @param unit the unit text, empty when the header gives none
 */
public record HeaderText(String key, String unit) {

    private static final Pattern BRACKETED = Pattern.compile("^(.*?)[（(\\[【〔]\\s*(?:单位[:：]?)?\\s*([^）)\\]】〕]*)[）)\\]】〕]\\s*$");
    private static final Pattern SLASHED = Pattern.compile("^(.*?)\\s*[/／]\\s*(\\S{1,4})$");
    private static final Pattern NUMBERING = Pattern.compile("^(?:\\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}、|[(（]\\d{1,2}[)）])\\s*");

    public static HeaderText parse(String raw, UnitCatalog units) {
        String text = TextNormalizer.toSimplified(TextNormalizer.clean(raw));
        if (!text.isEmpty() && mayBeNumbered(text.charAt(0))) {
            text = NUMBERING.matcher(text).replaceFirst("");
        }
        // most cells layout detection asks about are data, with neither a bracket nor a slash: no pattern to run
        if (endsWithBracket(text)) {
            HeaderText split = withUnit(BRACKETED, text, units);
            if (split != null) {
                return split;
            }
        }
        if (text.indexOf('/') >= 0 || text.indexOf('／') >= 0) {
            HeaderText split = withUnit(SLASHED, text, units);
            if (split != null) {
                return split;
            }
        }
        return new HeaderText(TextNormalizer.matchKey(text), "");
    }

    /** The words and unit the pattern splits the text into, or null when it does not match or names no unit. */
    private static HeaderText withUnit(Pattern pattern, String text, UnitCatalog units) {
        Matcher m = pattern.matcher(text);
        return m.matches() && isUnit(m.group(2), units)
                ? new HeaderText(TextNormalizer.matchKey(m.group(1)), m.group(2).trim()) : null;
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
