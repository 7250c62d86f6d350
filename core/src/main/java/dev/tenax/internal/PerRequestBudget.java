package dev.tenax.internal;

import dev.tenax.RetryBudget;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed allowance of retries and of waiting, shared by the calls of one user request. Both counters are taken
 * together in one compare-and-set, so concurrent calls can never overdraw either.
 */
public final class PerRequestBudget implements RetryBudget {
    private final int maxRetries;
    private final long maxWaitNanos;
    // high 20 bits: retries used (at most 2^20 - 1 are ever granted), low 44 bits: waited millis
    private final AtomicLong used = new AtomicLong();

    public PerRequestBudget(int maxRetries, Duration maxTotalWait) {
        this.maxRetries = Math.min(maxRetries, (1 << 20) - 1);
        this.maxWaitNanos = Durations.toNanos(maxTotalWait);
    }

    @Override
    public void onRequest(String key) {}

    @Override
    public boolean tryAcquireRetry(String key, Duration wait) {
        long waitMillis = Math.max(0, (Durations.toNanos(wait) + 999_999) / 1_000_000);
        long maxMillis = maxWaitNanos / 1_000_000;
        for (; ; ) {
            long current = used.get();
            long retries = current >>> 44;
            long waited = current & ((1L << 44) - 1);
            if (retries >= maxRetries || waitMillis > maxMillis - waited) {
                return false;
            }
            long next = ((retries + 1) << 44) | (waited + waitMillis);
            if (used.compareAndSet(current, next)) {
                return true;
            }
        }
    }

    /** Retries granted so far. */
    public int retriesUsed() {
        return (int) (used.get() >>> 44);
    }

    @Override
    public String toString() {
        return "RetryBudget.perRequest(" + maxRetries + ", " + Duration.ofNanos(maxWaitNanos) + ")";
    }
}
