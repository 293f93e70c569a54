package org.ruralstat.report;

/**
 * A fragment of HTML the report made itself, so trusted as markup; any other value handed to a table is escaped.
 *
 * @param html the fragment, already escaped where it holds values
 */
record Markup(String html) {

    Markup {
        html = html == null ? "" : html;
    }

    /** A coloured tag showing a label, its code in the tooltip; both escaped. */
    static Markup tag(String code, String label, String cssClass) {
        return new Markup("<span class=\"tag " + Html.text(cssClass == null ? "" : cssClass) + "\" title=\"" + Html.text(code)
                + "\">" + Html.text(label) + "</span>");
    }

    /** A code in monospace followed by its name, {@code <code>222402</code> 图们市}; both escaped, the name optional. */
    static Markup code(String code, String name) {
        return new Markup("<code>" + Html.text(code) + "</code>" + (name == null || name.isEmpty() ? "" : " " + Html.text(name)));
    }
}
