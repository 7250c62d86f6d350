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
 * <p>Paced retries (a 429 with a hint) take no tokens, but are not unlimited either: a key may owe at most
 * {@value #PACED_PER_TOKEN} paced retries per token of capacity (50 for the default), and every accepted outcome
 * pays one back. A burst against a rate limiter is admitted as it goes, so its debt stays small and every paced
 * retry is granted; a limiter that stays overloaded admits fewer requests than are retried into it, the debt
 * reaches its bound, and paced retries are then granted only as fast as the limiter lets requests through (one per
 * success): sustained load stays near the offered load plus the admitted rate, not ten times it.
 *
 * <p>Lock-free: each bucket is one {@link AtomicLong} (the thousandths spent in its low 32 bits, the paced debt
 * above them) updated by compare-and-set, so concurrent retries are granted exactly up to the bounds. The map is bounded at {@value #MAX_KEYS} keys: when a new key finds it
 * full, full buckets (in their initial state) are dropped, at most once per {@value #SCAN_EVERY} new keys, so a
 * stream of new hosts costs a map lookup each, not a scan each. A retry charged to a bucket just as it is dropped
 * is charged again to the key's new bucket, so no grant escapes the bound; a success racing with the drop of its
 * (full) bucket may be lost, and a refill is all it can lose.
 */
public final class TokenBucketBudget implements RetryBudget {
    public static final int MAX_CAPACITY = 1_000_000;
    public static final double MIN_REFILL = 0.001;
    static final int MAX_KEYS = 1024;
    static final int PACED_PER_TOKEN = 10;
    private static final long SPENT_MASK = 0xFFFF_FFFFL;
    private static final long ONE_PACED = 1L << 32;
    private static final int SCAN_EVERY = 64;
    private static final String OVERFLOW = "\0overflow";
    private static final long MILLI = 1000;

    private final int capacity;
    private final double refillPerSuccess;
    private final long capacityMilli;
    private final long refillMilli;
    private final long maxPacedDebt;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger missesSinceScan = new AtomicInteger();

    public TokenBucketBudget(int capacity, double refillPerSuccess) {
        this.capacity = capacity;
        this.refillPerSuccess = refillPerSuccess;
        this.capacityMilli = capacity * MILLI;
        this.refillMilli = Math.max(1, Math.round(refillPerSuccess * MILLI));
        this.maxPacedDebt = (long) capacity * PACED_PER_TOKEN;
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
        for (; ; ) {
            Bucket bucket = bucket(key);
            boolean granted = switch (cause) {
                case PACED -> bucket.tryOwePaced();
                case TIMEOUT -> bucket.trySpend(2 * MILLI);
                case FAILURE -> bucket.trySpend(MILLI);
            };
            if (!granted || stillTracked(key, bucket)) {
                return granted;
            }
            // dropped as full just as we charged it: the charge would be lost, so it goes on the new bucket
        }
    }

    private boolean stillTracked(String key, Bucket bucket) {
        return buckets.get(key) == bucket || buckets.get(OVERFLOW) == bucket;
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
        return bucket == null ? capacity : (capacityMilli - (bucket.get() & SPENT_MASK)) / (double) MILLI;
    }

    /** The paced retries {@code key} owes (for tests and the simulation). */
    public long pacedDebt(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? 0 : bucket.get() >>> 32;
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

    /**
     * One key's state: the thousandths of a token spent (low 32 bits) and the paced retries owed (above); {@code 0}
     * when the bucket is full and nothing is owed, the state of a key never seen.
     */
    private final class Bucket extends AtomicLong {
        private static final long serialVersionUID = 1L;

        boolean trySpend(long cost) {
            for (; ; ) {
                long state = get();
                if ((state & SPENT_MASK) + cost > capacityMilli) {
                    return false;
                }
                if (compareAndSet(state, state + cost)) {
                    return true;
                }
            }
        }

        boolean tryOwePaced() {
            for (; ; ) {
                long state = get();
                if ((state >>> 32) >= maxPacedDebt) {
                    return false;
                }
                if (compareAndSet(state, state + ONE_PACED)) {
                    return true;
                }
            }
        }

        /** An accepted outcome: refills tokens and pays back one paced retry. */
        void refill() {
            for (; ; ) {
                long state = get();
                if (state == 0) {
                    return;
                }
                long spent = Math.max(0, (state & SPENT_MASK) - refillMilli);
                long owed = Math.max(0, (state >>> 32) - 1);
                if (compareAndSet(state, (owed << 32) | spent)) {
                    return;
                }
            }
        }
    }
}
