package dev.tenax.internal;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The engine's only source of time and randomness, so that tests can run a schedule on a virtual clock and a
 * seeded random without sleeping.
 */
public interface Timing {
    /** The system clock, {@link Thread#sleep} and a thread-local random. */
    static Timing system() {
        return SystemTiming.INSTANCE;
    }

    /** Monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Blocks the calling thread for {@code nanos}; must be interruptible and must not pin a virtual thread. */
    void sleep(long nanos) throws InterruptedException;

    /**
     * Sleeps {@code nanos} unless {@code cancelled} becomes true first (checked at least every
     * {@link #CANCEL_CHECK_NANOS}); returns {@code false} when it stopped for a cancellation.
     */
    default boolean sleepUnless(long nanos, BooleanSupplier cancelled) throws InterruptedException {
        // to a deadline: summing nominal slices would drift late by every slice's own overshoot
        long deadline = nanoTime() + nanos;
        while (!cancelled.getAsBoolean()) {
            long left = deadline - nanoTime();
            if (left <= 0) {
                return true;
            }
            sleep(Math.min(left, CANCEL_CHECK_NANOS));
        }
        return false;
    }

    /** How often a cancellable wait looks at its client's cancel flag: 10 ms. */
    long CANCEL_CHECK_NANOS = 10_000_000L;

    /** A uniformly distributed number in {@code [0, 1)}. */
    double nextRandom();

    /** Runs {@code task} on {@code scheduler} after {@code nanos}: how the async engine waits. */
    default Future<?> schedule(ScheduledExecutorService scheduler, Runnable task, long nanos) {
        return scheduler.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }

    /** Wall-clock time in epoch milliseconds, to turn an HTTP-date into a wait. */
    default long currentTimeMillis() {
        return System.currentTimeMillis();
    }
}
