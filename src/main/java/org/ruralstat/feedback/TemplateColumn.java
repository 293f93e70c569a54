package org.ruralstat.feedback;

/**
 * One column of a return template: the header a clerk sees, the check Excel or WPS applies while the clerk types,
 * and the prompt that says what the rule is.
 *
 * @param header   the canonical header wording, with its unit
 * @param check    what Excel checks
 * @param list     for {@link Check#LIST}, the name of the list on the hidden 代码表 sheet
 * @param min      lower bound of a number, or null
 * @param max      upper bound of a number, or null
 * @param stop     true when a value outside the check is an error ruralstat would reject (Excel refuses it);
 *                 false when it is a warning (Excel asks, the clerk may keep it)
 * @param prompt   the input prompt, in Chinese
 */
public record TemplateColumn(String header, Check check, String list, Double min, Double max, boolean stop,
                             String prompt) {

    /** What Excel checks in a column. */
    public enum Check {
        /** Free text. */
        TEXT,
        /** A value of a list. */
        LIST,
        /** A number within bounds. */
        DECIMAL,
        /** A whole number within bounds. */
        WHOLE,
        /** A date. */
        DATE,
        /** An 18-character resident ID number, as text. */
        ID_NUMBER
    }
}
