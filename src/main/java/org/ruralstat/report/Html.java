package org.ruralstat.report;

import java.util.Locale;

/** Text made safe for HTML and SVG: a value from a bureau or the ledger can only ever reach the page as text. */
final class Html {

    private Html() {
    }

    /** The text with {@code & < > " '} escaped, fit for element content and quoted attributes; null is empty. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters other than tab and line breaks are not allowed in XHTML
                    if (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r') {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    /** A whole number with thousands separators: 1,234,567. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A number with thousands separators and the given decimals: 15,545.0. */
    static String decimal(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** A heading in Chinese with its English subtitle: {@code <h2>运行概况<span class="en">Run summary</span></h2>}. */
    static String heading(String tag, String chinese, String english) {
        return "<" + tag + ">" + text(chinese) + "<span class=\"en\">" + text(english) + "</span></" + tag + ">\n";
    }
}
