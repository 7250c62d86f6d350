package dev.tenax;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Bounded waiting for what another thread does: never a fixed sleep, never a timing threshold. A condition is
 * polled every few milliseconds for up to {@link #BOUND}, then the test fails.
 */
final class Await {
    /** Generous, for a loaded machine: a test only waits this long when it is about to fail. */
    static final Duration BOUND = Duration.ofSeconds(30);

    private static final long POLL_MILLIS = 2;

    private Await() {}

    /** Returns once {@code condition} holds; fails the test if it still does not after {@link #BOUND}. */
    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("still waiting for " + what + " after " + BOUND);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Awaits {@code latch} for up to {@link #BOUND}; returns whether it opened (an interrupt counts as no). */
    static boolean opened(CountDownLatch latch) {
        try {
            return latch.await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
