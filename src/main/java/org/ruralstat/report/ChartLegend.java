package org.ruralstat.report;

/**
 * The top row every chart shares: which colour is which side of the reference line, the line itself with its
 * value, and the unit of the values. The line's label lives here, not on the line, so it never hides a bar.
 */
final class ChartLegend {

    /** Height of the row, in pixels. */
    static final double HEIGHT = 24;

    private ChartLegend() {
    }

    static String render(ChartData data, double left, double right) {
        StringBuilder out = new StringBuilder();
        if (data.reference() != null) {
            String name = data.reference().name();
            double x = left;
            out.append(swatch(x, "bar above")).append(SvgText.text(x + 14, 14, "start", "legend", "不低于" + name));
            x += 14 + SvgText.width("不低于" + name, 11) + 16;
            out.append(swatch(x, "bar below")).append(SvgText.text(x + 14, 14, "start", "legend", "低于" + name));
            x += 14 + SvgText.width("低于" + name, 11) + 16;
            out.append(BarChart.line(x, 10, x + 18, 10, "reference"))
                    .append(SvgText.text(x + 22, 14, "start", "reference-label", data.reference().label()));
        }
        if (!data.unit().isEmpty()) {
            out.append(SvgText.text(right, 14, "end", "legend", "单位：" + data.unit()));
        }
        return out.append('\n').toString();
    }

    private static String swatch(double x, String cssClass) {
        return "<rect x=\"" + SvgText.n(x) + "\" y=\"5\" width=\"10\" height=\"10\" rx=\"2\" class=\"" + cssClass + "\"/>";
    }
}
