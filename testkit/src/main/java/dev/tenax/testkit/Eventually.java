package dev.tenax.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Waits, with a generous bound, for state that another thread is still changing: a count that an HTTP client's
 * own thread updates just after the event a test waited for (a listener fired, a future completed). Asserting
 * such state at once races that thread; waiting for the condition does not, and a real defect still fails once
 * the bound has passed.
 */
public final class Eventually {
    /** Long enough for a loaded CI machine; a condition that holds returns at once. */
    public static final Duration BOUND = Duration.ofSeconds(30);

    private static final long POLL_NANOS = 1_000_000;

    private Eventually() {}

    /**
     * Whether {@code condition} became true within {@link #BOUND}.
     *
     * @param condition read repeatedly, from the calling thread
     * @return {@code true} as soon as it holds, {@code false} if it still does not at the bound
     */
    public static boolean holds(BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return condition.getAsBoolean();
            }
            // a short park, not a spin: on a loaded machine a spin would starve the thread being waited for
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    /**
     * {@code count} once it reaches zero, or its value at the bound: for counts that drain to zero.
     *
     * @param count read repeatedly, from the calling thread
     * @return {@code 0}, or the count still left after {@link #BOUND}
     */
    public static int drained(IntSupplier count) {
        int[] last = new int[1];
        holds(() -> (last[0] = count.getAsInt()) <= 0);
        return last[0];
    }
}
