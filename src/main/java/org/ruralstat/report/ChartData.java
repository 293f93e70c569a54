package org.ruralstat.report;

import java.util.List;
import java.util.Objects;

/**
 * What a chart shows, independent of how it is drawn: a title, the unit of the values, the bars in the order
 * to draw them and an optional reference line.
 *
 * @param title     read by screen readers and shown in the tooltip of the chart
 * @param unit      the unit of the axis: 元, %, 万元
 * @param bars      in drawing order; may be empty
 * @param reference a line across the bars, or null
 */
record ChartData(String title, String unit, List<ChartBar> bars, ReferenceLine reference) {

    ChartData {
        Objects.requireNonNull(title, "title");
        unit = unit == null ? "" : unit;
        bars = List.copyOf(bars);
    }

    /** The largest value the axis must reach: the longest bar or the reference line. */
    double extent() {
        double max = bars.stream().mapToDouble(ChartBar::length).max().orElse(0);
        return reference == null ? max : Math.max(max, reference.value());
    }

    /** The CSS class of a bar: its side of the reference line when there is one. */
    String barClass(ChartBar bar) {
        if (reference == null) {
            return "bar";
        }
        return bar.length() >= reference.value() ? "bar above" : "bar below";
    }
}
