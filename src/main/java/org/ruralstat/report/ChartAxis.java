package org.ruralstat.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value axis from zero to a round number at or above the largest value, with four to six round ticks, so
 * every chart reads 0, 5,000, 10,000… rather than 0, 4,691, 9,382….
 */
final class ChartAxis {

    private final double max;
    private final double step;

    private ChartAxis(double max, double step) {
        this.max = max;
        this.step = step;
    }

    /** An axis that holds values up to {@code extent}; an extent of zero gives the axis 0 to 1. */
    static ChartAxis upTo(double extent) {
        if (!(extent > 0) || !Double.isFinite(extent)) {
            return new ChartAxis(1, 0.25);
        }
        double raw = extent / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * 10;
        for (double factor : new double[]{1, 2, 2.5, 5, 10}) {
            if (magnitude * factor >= raw) {
                step = magnitude * factor;
                break;
            }
        }
        step = new BigDecimal(step).round(new MathContext(6)).doubleValue();
        return new ChartAxis(Math.ceil(extent / step - 1e-9) * step, step);
    }

    double max() {
        return max;
    }

    /** Where a value falls between 0 (the axis start) and 1 (its end). */
    double fraction(double value) {
        return Math.max(0, Math.min(1, value / max));
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= max + step / 1000; i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    /** A tick's label: thousands separators, decimals only when the step needs them. */
    String label(double tick) {
        int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
        return String.format(Locale.ROOT, "%,." + decimals + "f", tick);
    }
}
