package org.ruralstat.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/** Splits an integer total into parts that add up to it exactly (largest-remainder rounding). */
final class Shares {

    private Shares() {
    }

    /** {@code total} split in proportion to {@code weights}; the parts always sum to {@code total}. */
    static long[] split(long total, double[] weights) {
        double sum = Arrays.stream(weights).sum();
        long[] parts = new long[weights.length];
        double[] remainders = new double[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            parts[i] = (long) Math.floor(exact);
            remainders[i] = exact - parts[i];
            assigned += parts[i];
        }
        Integer[] order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparing(i -> i))
                .toArray(Integer[]::new);
        for (int k = 0; assigned < total; k++, assigned++) {
            parts[order[k % order.length]]++;
        }
        return parts;
    }

    /** {@code total} split into multiples of {@code step}, in proportion to {@code weights}. */
    static long[] splitInSteps(long total, long step, double[] weights) {
        if (total % step != 0) {
            throw new IllegalArgumentException(total + " is not a multiple of " + step);
        }
        long[] parts = split(total / step, weights);
        return Arrays.stream(parts).map(p -> p * step).toArray();
    }

    /** {@code n} random weights between {@code low} and {@code high}. */
    static double[] randomWeights(int n, double low, double high, Random rnd) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = low + (high - low) * rnd.nextDouble();
        }
        return weights;
    }
}
