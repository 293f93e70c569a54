package org.ruralstat.report;

/**
 * Horizontal bars, one row per bar, labels on the left and values on the right, as inline SVG. Any number of bars
 * and any length of label fit: the chart grows downwards and a label too long is shortened with …, its full text
 * kept in the tooltip. No bars gives a short note instead of an SVG.
 *
 * @param width the width of the SVG's view box in pixels; the page scales it to its column
 */
record BarChart(double width) implements Chart {

    private static final double FONT = 12;
    private static final double ROW = 24;
    private static final double BAR = 15;
    private static final double AXIS_ROOM = 24;

    @Override
    public String draw(ChartData data) {
        double labelRoom = Math.max(40, Math.min(width * 0.28,
                data.bars().stream().mapToDouble(b -> SvgText.width(b.label(), FONT)).max().orElse(0)));
        double valueRoom = Math.min(width * 0.3,
                data.bars().stream().mapToDouble(b -> SvgText.width(b.valueLabel(), 11)).max().orElse(0) + 8);
        double left = labelRoom + 10;
        double right = width - valueRoom - 8;
        double top = ChartLegend.HEIGHT + 6;
        double bottom = top + data.bars().size() * ROW;
        ChartAxis axis = ChartAxis.upTo(data.extent());

        StringBuilder svg = new StringBuilder(SvgText.open("bars", width, bottom + AXIS_ROOM, data.title()));
        svg.append(ChartLegend.render(data, left, width - 8));
        for (double tick : axis.ticks()) {
            double x = left + axis.fraction(tick) * (right - left);
            svg.append(line(x, top - 2, x, bottom, "grid"))
                    .append(SvgText.text(x, bottom + 16, "middle", "tick", axis.label(tick)));
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < data.bars().size(); i++) {
            ChartBar bar = data.bars().get(i);
            double y = top + i * ROW;
            double length = axis.fraction(bar.length()) * (right - left);
            svg.append("<g><title>").append(Html.text(bar.label() + "：" + bar.valueLabel())).append("</title>")
                    .append(SvgText.text(left - 6, y + ROW / 2 + 4, "end", "label", SvgText.fit(bar.label(), labelRoom, FONT)))
                    .append("<rect x=\"").append(SvgText.n(left)).append("\" y=\"").append(SvgText.n(y + (ROW - BAR) / 2))
                    .append("\" width=\"").append(SvgText.n(length)).append("\" height=\"").append(SvgText.n(BAR))
                    .append("\" rx=\"2\" class=\"").append(data.barClass(bar)).append("\" data-key=\"")
                    .append(Html.text(bar.key())).append("\"/></g>\n");
            values.append(SvgText.text(left + length + 4, y + ROW / 2 + 4, "start", "value", bar.valueLabel()));
        }
        svg.append(line(left, top - 2, left, bottom, "axis"));
        if (data.reference() != null) {
            double x = left + axis.fraction(data.reference().value()) * (right - left);
            svg.append(line(x, top - 4, x, bottom, "reference"));
        }
        return svg.append(values).append("\n</svg>\n").toString();
    }

    static String line(double x1, double y1, double x2, double y2, String cssClass) {
        return "<line x1=\"" + SvgText.n(x1) + "\" y1=\"" + SvgText.n(y1) + "\" x2=\"" + SvgText.n(x2) + "\" y2=\""
                + SvgText.n(y2) + "\" class=\"" + cssClass + "\"/>";
    }
}
