package dev.tenax.internal;

import dev.tenax.RetryBudget;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed allowance of retries and of waiting, shared by the calls of one user request. Both counters are taken
 * together in one compare-and-set, so concurrent calls can never overdraw either.
 *
 * <p>Waits are counted in whole milliseconds rounded up, so the waiting granted never exceeds the allowance. The
 * conversions saturate: a wait too long to count (a million days, {@code Long.MAX_VALUE} nanoseconds) is refused,
 * never wrapped around to a small number (issue 12). At most 2^20 - 1 retries and 2^44 ms (about 557 years) of
 * waiting are counted; larger allowances are clamped to those. A negative wait costs nothing.
 */
public final class PerRequestBudget implements RetryBudget {
    static final long MAX_COUNTED_MILLIS = (1L << 44) - 1;

    private final int maxRetries;
    private final long maxMillis;
    private final Duration maxTotalWait;
    // high 20 bits: retries used (at most 2^20 - 1 are ever granted), low 44 bits: waited millis
    private final AtomicLong used = new AtomicLong();

    public PerRequestBudget(int maxRetries, Duration maxTotalWait) {
        this.maxRetries = Math.min(maxRetries, (1 << 20) - 1);
        this.maxMillis = Math.min(Math.max(0, Durations.toMillis(maxTotalWait)), MAX_COUNTED_MILLIS);
        this.maxTotalWait = maxTotalWait;
    }

    @Override
    public void onRequest(String key) {}

    @Override
    public boolean tryAcquireRetry(String key, Duration wait) {
        long waitMillis = Math.max(0, Durations.toMillisRoundedUp(wait));
        for (; ; ) {
            long current = used.get();
            long retries = current >>> 44;
            long waited = current & MAX_COUNTED_MILLIS;
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

    /** Milliseconds of waiting granted so far. */
    long waitedMillis() {
        return used.get() & MAX_COUNTED_MILLIS;
    }

    @Override
    public String toString() {
        return "RetryBudget.perRequest(" + maxRetries + ", " + maxTotalWait + ")";
    }
}
