package dev.tenax.internal;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
