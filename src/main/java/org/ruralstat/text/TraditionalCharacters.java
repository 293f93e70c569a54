package org.ruralstat.text;

import com.ibm.icu.text.Transliterator;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ICU's Traditional-Simplified transliteration, with the characters its rules can change: text holding none of
 * them comes out of the transliteration as it went in, so simplified text (the usual case) need not be run at all.
 */
final class TraditionalCharacters {

    /** A rule as ICU prints it: {@code 於 > 于;} or {@code 沈默 > 沉默;}. */
    private static final Pattern RULE = Pattern.compile("([^<>{}\\[\\]$:|'\\\\\\s;]+) > ([^<>{}\\[\\]$:|'\\\\\\s;]*);");

    private final Transliterator transliterator;
    /** Characters some rule changes, alone or in a phrase; null when a rule could not be read, so any text may change. */
    private final BitSet changing;

    TraditionalCharacters(Transliterator transliterator) {
        this.transliterator = transliterator;
        this.changing = transliterator.getFilter() == null ? changing(transliterator.toRules(false)) : null;
    }

    /** False only when no rule can change the text. */
    boolean mayChange(String text) {
        if (changing == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || changing.get(c)) {
                return true;
            }
        }
        return false;
    }

    String toSimplified(String text) {
        synchronized (transliterator) {
            return transliterator.transliterate(text);
        }
    }

    /**
     * The characters of the rules that change something: the source of each one-character rule, and one character of
     * each phrase rule that holds none of those (沈 of 沈默 → 沉默, where 沈 alone stays): any of its characters finds
     * the phrase, and the one it changes is usually the rarer. A phrase holding a changing character is found through
     * that character. Null when a rule is not of the plain {@code source > target;} form.
     */
    static BitSet changing(String rules) {
        List<String[]> parsed = new ArrayList<>();
        for (String line : rules.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = RULE.matcher(line.strip());
            if (!m.matches()) {
                return null;
            }
            parsed.add(new String[]{m.group(1), m.group(2)});
        }
        BitSet changing = new BitSet(0x10000);
        for (String[] rule : parsed) {
            if (rule[0].length() == 1 && !rule[0].equals(rule[1])) {
                changing.set(rule[0].charAt(0));
            }
        }
        for (String[] rule : parsed) {
            if (rule[0].length() > 1 && !rule[0].equals(rule[1]) && rule[0].chars().noneMatch(changing::get)) {
                changing.set(rule[0].charAt(firstDifference(rule[0], rule[1])));
            }
        }
        return changing;
    }

    /** Where a phrase rule changes its source (嶽 of 山嶽 → 山岳, not the common 山), else its first character. */
    private static int firstDifference(String source, String target) {
        for (int i = 0; i < Math.min(source.length(), target.length()); i++) {
            if (source.charAt(i) != target.charAt(i)) {
                return i;
            }
        }
        return 0;
    }
}
