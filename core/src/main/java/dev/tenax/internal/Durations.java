package dev.tenax.internal;

import java.time.Duration;

/** Conversions that saturate instead of throwing, for durations as large as {@link Duration} allows. */
public final class Durations {
    private Durations() {}

    /** {@code d} in nanoseconds, saturated to {@code [Long.MIN_VALUE, Long.MAX_VALUE]}. */
    public static long toNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** {@code a + b} for non-negative values, saturated at {@link Long#MAX_VALUE}. */
    public static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
