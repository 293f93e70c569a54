package org.ruralstat.report;

import java.util.Objects;

/**
 * One bar of a chart. A value that is negative or not a number is drawn as an empty bar; the value label still
 * says what it was.
 *
 * @param key        what the bar stands for, for machines (a region code); becomes {@code data-key}
 * @param label      what the bar stands for, for people (a county name)
 * @param value      the length of the bar, in the chart's unit
 * @param valueLabel the value as printed beside the bar: 18,760 or 54.9%
 */
record ChartBar(String key, String label, double value, String valueLabel) {

    ChartBar {
        Objects.requireNonNull(label, "label");
        key = key == null ? "" : key;
        valueLabel = valueLabel == null ? "" : valueLabel;
    }

    /** The length to draw: never negative, never NaN. */
    double length() {
        return Double.isFinite(value) && value > 0 ? value : 0;
    }
}
