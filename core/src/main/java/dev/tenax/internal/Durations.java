package dev.tenax.internal;

import java.time.Duration;

/**
 * Conversions and arithmetic that saturate instead of throwing or wrapping around, for durations as large as
 * {@link Duration} allows ({@code Long.MAX_VALUE} seconds, far beyond {@code long} nanoseconds). Use these
 * wherever a duration becomes a number: {@code Duration.toNanos()} and {@code toMillis()} throw past about 292
 * years, and {@code +}/{@code *} on {@code long} wrap around silently.
 */
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

    /** {@code d} in whole milliseconds rounded down (towards negative infinity), saturated. */
    public static long toMillis(Duration d) {
        return millis(d.getSeconds(), d.getNano() / 1_000_000);
    }

    /** {@code d} in whole milliseconds rounded up (towards positive infinity), saturated: 1 ns costs 1 ms. */
    public static long toMillisRoundedUp(Duration d) {
        return millis(d.getSeconds(), (d.getNano() + 999_999) / 1_000_000);
    }

    /** {@code seconds * 1000 + millisOfSecond} ({@code 0..1000}), exact whenever the result fits in a long. */
    private static long millis(long seconds, long millisOfSecond) {
        if (seconds < 0 && millisOfSecond > 0) {
            // borrow a second, so that seconds * 1000 overflows only when the result itself does
            return saturatedAdd(saturatedMultiply(seconds + 1, 1_000), millisOfSecond - 1_000);
        }
        return saturatedAdd(saturatedMultiply(seconds, 1_000), millisOfSecond);
    }

    /** {@code a + b}, saturated to {@code [Long.MIN_VALUE, Long.MAX_VALUE]} instead of wrapping around. */
    public static long saturatedAdd(long a, long b) {
        long sum = a + b;
        // overflow iff both operands have the same sign and the sum's sign differs
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    /** {@code a * b}, saturated to {@code [Long.MIN_VALUE, Long.MAX_VALUE]} instead of wrapping around. */
    public static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        // the product fits iff the high word is just the sign extension of the low word
        if (high == (low >> 63)) {
            return low;
        }
        return (a < 0) == (b < 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
}
