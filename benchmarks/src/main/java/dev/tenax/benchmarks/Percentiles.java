package dev.tenax.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Small helpers shared by the load harnesses' tables. */
final class Percentiles {
    private Percentiles() {}

    /** The {@code p}-th percentile (nearest rank) of {@code sorted}; NaN when empty. */
    static double of(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
