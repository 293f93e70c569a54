package org.ruralstat.report;

/** A way of drawing {@link ChartData} as inline SVG; data without bars always gives a short note, never an empty SVG. */
interface Chart {

    default String render(ChartData data) {
        return data.bars().isEmpty() ? SvgText.noData() : draw(data);
    }

    /** The SVG of data that has at least one bar. */
    String draw(ChartData data);
}
