package org.ruralstat.report;

import java.util.Objects;

/**
 * A line across a chart at one value, such as a province median; bars are coloured by the side they fall on.
 *
 * @param name       what the line is: 省中位数
 * @param value      where it is, in the chart's unit
 * @param valueLabel the value as printed beside the line: 15,545
 */
record ReferenceLine(String name, double value, String valueLabel) {

    ReferenceLine {
        Objects.requireNonNull(name, "name");
        valueLabel = valueLabel == null ? "" : valueLabel;
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a reference line needs a finite value: " + value);
        }
    }

    String label() {
        return valueLabel.isEmpty() ? name : name + " " + valueLabel;
    }
}
