package org.ruralstat.report;

import java.util.Locale;

/**
 * Text and numbers for SVG: widths estimated from the characters (a Chinese character is a full em, a Latin one
 * about half), labels shortened with an ellipsis to fit, coordinates printed the same on every machine.
 */
final class SvgText {

    private SvgText() {
    }

    /** The estimated width in pixels of the text at the font size. */
    static double width(String text, double fontSize) {
        double ems = text.codePoints().mapToDouble(cp -> cp < 0x2E80 ? (Character.isUpperCase(cp) ? 0.68 : 0.58) : 1.0).sum();
        return ems * fontSize;
    }

    /** The text, shortened to end in … when wider than the room. */
    static String fit(String text, double room, double fontSize) {
        if (width(text, fontSize) <= room) {
            return text;
        }
        int[] cps = text.codePoints().toArray();
        StringBuilder fitted = new StringBuilder();
        for (int cp : cps) {
            String next = fitted.toString() + new String(Character.toChars(cp));
            if (width(next + "…", fontSize) > room) {
                break;
            }
            fitted.appendCodePoint(cp);
        }
        return fitted + "…";
    }

    /** A coordinate with one decimal and a dot, whatever the locale. */
    static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A {@code <text>} element; the content is escaped. */
    static String text(double x, double y, String anchor, String cssClass, String content) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\" class=\"" + cssClass + "\">"
                + Html.text(content) + "</text>";
    }

    /** The opening {@code <svg>} tag of a chart, scaled to its container, and its accessible title. */
    static String open(String kind, double width, double height, String title) {
        return "<svg class=\"chart " + kind + "\" role=\"img\" viewBox=\"0 0 " + n(width) + " " + n(height)
                + "\" width=\"" + n(width) + "\" height=\"" + n(height) + "\" aria-label=\"" + Html.text(title) + "\">"
                + "<title>" + Html.text(title) + "</title>\n";
    }

    /** The paragraph shown where a chart has no bars to draw. */
    static String noData() {
        return "<p class=\"no-data\">暂无数据 · No data</p>\n";
    }
}
