package dev.tenax.internal;

import dev.tenax.RetryBudget;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RetryBudget#tokenBucket}: per key, a bucket that retries empty and accepted outcomes refill. Tokens are
 * kept in thousandths, as the amount spent (so a key that is absent and a bucket that is full are the same
 * state, and a success against a healthy host writes nothing).
 *
 * <p>Lock-free: each bucket is one {@link AtomicLong} updated by compare-and-set, so concurrent retries are
 * granted exactly up to the capacity. The map is bounded at {@value #MAX_KEYS} keys: when a new key finds it
 * full, full buckets (in their initial state) are dropped, at most once per {@value #SCAN_EVERY} new keys, so a
 * stream of new hosts costs a map lookup each, not a scan each. A success racing with the drop of its (full)
 * bucket may be lost; a refill is all it can lose.
 */
public final class TokenBucketBudget implements RetryBudget {
    public static final int MAX_CAPACITY = 1_000_000;
    public static final double MIN_REFILL = 0.001;
    static final int MAX_KEYS = 1024;
    private static final int SCAN_EVERY = 64;
    private static final String OVERFLOW = "\0overflow";
    private static final long MILLI = 1000;

    private final int capacity;
    private final double refillPerSuccess;
    private final long capacityMilli;
    private final long refillMilli;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger missesSinceScan = new AtomicInteger();

    public TokenBucketBudget(int capacity, double refillPerSuccess) {
        this.capacity = capacity;
        this.refillPerSuccess = refillPerSuccess;
        this.capacityMilli = capacity * MILLI;
        this.refillMilli = Math.max(1, Math.round(refillPerSuccess * MILLI));
    }

    @Override
    public void onRequest(String key) {
        // calls cost nothing: only retries take tokens
    }

    @Override
    public boolean tryAcquireRetry(String key, Duration wait) {
        return tryAcquireRetry(key, wait, Cause.FAILURE);
    }

    @Override
    public boolean tryAcquireRetry(String key, Duration wait, Cause cause) {
        long cost = switch (cause) {
            case PACED -> 0;
            case TIMEOUT -> 2 * MILLI;
            case FAILURE -> MILLI;
        };
        return cost == 0 || bucket(key).trySpend(cost);
    }

    @Override
    public void onSuccess(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null && buckets.size() >= MAX_KEYS) {
            bucket = buckets.get(OVERFLOW); // the key may be budgeted with the overflow
        }
        if (bucket != null) {
            bucket.refill();
        }
    }

    /** The tokens left for {@code key} (for tests and the simulation). */
    public double tokens(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? capacity : (capacityMilli - bucket.get()) / (double) MILLI;
    }

    int keys() {
        return buckets.size();
    }

    private Bucket bucket(String key) {
        Bucket existing = buckets.get(key);
        if (existing != null) {
            return existing;
        }
        if (buckets.size() >= MAX_KEYS) {
            dropFullBuckets();
            if (buckets.size() >= MAX_KEYS) {
                return buckets.computeIfAbsent(OVERFLOW, k -> new Bucket());
            }
        }
        return buckets.computeIfAbsent(key, k -> new Bucket());
    }

    private void dropFullBuckets() {
        if (missesSinceScan.getAndIncrement() % SCAN_EVERY != 0) {
            return;
        }
        buckets.values().removeIf(b -> b.get() == 0);
    }

    @Override
    public String toString() {
        return "RetryBudget.tokenBucket(" + capacity + ", " + refillPerSuccess + ")";
    }

    /** The thousandths of a token spent from one key's bucket; {@code 0} when it is full. */
    private final class Bucket extends AtomicLong {
        private static final long serialVersionUID = 1L;

        boolean trySpend(long cost) {
            for (; ; ) {
                long spent = get();
                if (spent + cost > capacityMilli) {
                    return false;
                }
                if (compareAndSet(spent, spent + cost)) {
                    return true;
                }
            }
        }

        void refill() {
            for (; ; ) {
                long spent = get();
                if (spent == 0 || compareAndSet(spent, Math.max(0, spent - refillMilli))) {
                    return;
                }
            }
        }
    }
}
