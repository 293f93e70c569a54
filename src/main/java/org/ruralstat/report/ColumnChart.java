package org.ruralstat.report;

/**
 * Vertical bars side by side with a value axis and an optional horizontal reference line, as inline SVG. Labels
 * that do not fit under their bar are slanted and, past a limit, shortened with … (the full text stays in the
 * tooltip); values are printed above bars only where there is room. No bars gives a short note instead.
 *
 * @param width the width of the SVG's view box in pixels; the page scales it to its column
 */
record ColumnChart(double width) implements Chart {

    private static final double FONT = 12;
    private static final double PLOT_HEIGHT = 200;
    private static final double SLANTED_LABEL_ROOM = 96;

    @Override
    public String draw(ChartData data) {
        ChartAxis axis = ChartAxis.upTo(data.extent());
        double left = axis.ticks().stream().mapToDouble(t -> SvgText.width(axis.label(t), 11)).max().orElse(20) + 12;
        double right = width - 8;
        double top = ChartLegend.HEIGHT + 12;
        double bottom = top + PLOT_HEIGHT;
        double slot = (right - left) / data.bars().size();
        double barWidth = Math.min(44, slot * 0.62);
        double widest = data.bars().stream().mapToDouble(b -> SvgText.width(b.label(), FONT)).max().orElse(0);
        boolean slanted = widest > slot - 4;
        double labelRoom = slanted ? Math.min(widest, SLANTED_LABEL_ROOM) * 0.71 + 22 : 24;

        StringBuilder svg = new StringBuilder(SvgText.open("columns", width, bottom + labelRoom, data.title()));
        svg.append(ChartLegend.render(data, left, right));
        for (double tick : axis.ticks()) {
            double y = bottom - axis.fraction(tick) * PLOT_HEIGHT;
            svg.append(BarChart.line(left, y, right, y, "grid"))
                    .append(SvgText.text(left - 6, y + 4, "end", "tick", axis.label(tick)));
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < data.bars().size(); i++) {
            ChartBar bar = data.bars().get(i);
            double centre = left + slot * (i + 0.5);
            double height = axis.fraction(bar.length()) * PLOT_HEIGHT;
            svg.append("<g><title>").append(Html.text(bar.label() + "：" + bar.valueLabel())).append("</title>")
                    .append("<rect x=\"").append(SvgText.n(centre - barWidth / 2)).append("\" y=\"")
                    .append(SvgText.n(bottom - height)).append("\" width=\"").append(SvgText.n(barWidth))
                    .append("\" height=\"").append(SvgText.n(height)).append("\" rx=\"2\" class=\"")
                    .append(data.barClass(bar)).append("\" data-key=\"").append(Html.text(bar.key())).append("\"/>");
            if (SvgText.width(bar.valueLabel(), 11) <= slot - 2) {
                values.append(SvgText.text(centre, bottom - height - 4, "middle", "value", bar.valueLabel()));
            }
            svg.append(slanted ? slantedLabel(bar.label(), centre, bottom + 14)
                    : SvgText.text(centre, bottom + 16, "middle", "label", bar.label()));
            svg.append("</g>\n");
        }
        svg.append(BarChart.line(left, bottom, right, bottom, "axis"));
        if (data.reference() != null) {
            double y = bottom - axis.fraction(data.reference().value()) * PLOT_HEIGHT;
            svg.append(BarChart.line(left, y, right, y, "reference"));
        }
        return svg.append(values).append("\n</svg>\n").toString();
    }

    private static String slantedLabel(String label, double x, double y) {
        return "<text x=\"" + SvgText.n(x) + "\" y=\"" + SvgText.n(y) + "\" text-anchor=\"end\" class=\"label\" transform=\"rotate(-45 "
                + SvgText.n(x) + " " + SvgText.n(y) + ")\">" + Html.text(SvgText.fit(label, SLANTED_LABEL_ROOM, FONT)) + "</text>";
    }
}
