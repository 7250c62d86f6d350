package dev.tenax.benchmarks.sim;

import dev.tenax.RetryBudget;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS SDK for Java v2's "standard" retry quota as a {@link RetryBudget}, per key: 500 tokens to start; a retry
 * costs 5 (10 after a {@linkplain Cause#TIMEOUT timeout}) and is refused when fewer are left; a success puts
 * tokens back, up to 500.
 *
 * <p>An approximation, because the SPI's {@code onSuccess} does not say whether the successful attempt was a
 * retry: the SDK refunds the cost of the retry that succeeded, and adds 1 only when a request succeeds without
 * having retried; here every success adds 1. In an outage (no successes) both are the same; after one, the SDK
 * refills faster than this (by up to 5 per successful retry). A paced {@code 429} costs like any failure, as the
 * SDK's throttling errors do.
 */
public final class AwsStandardBudget implements RetryBudget {
    private final int capacity;
    private final int retryCost;
    private final int timeoutCost;
    private final int successRefund;
    private final ConcurrentHashMap<String, int[]> tokens = new ConcurrentHashMap<>();

    public AwsStandardBudget(int capacity, int retryCost, int timeoutCost, int successRefund) {
        this.capacity = capacity;
        this.retryCost = retryCost;
        this.timeoutCost = timeoutCost;
        this.successRefund = successRefund;
    }

    /** The SDK's defaults: 500 tokens, a retry 5, after a timeout 10, a success gives 1 back. */
    public static AwsStandardBudget sdkDefaults() {
        return new AwsStandardBudget(500, 5, 10, 1);
    }

    @Override
    public void onRequest(String key) {
        // calls cost nothing
    }

    @Override
    public boolean tryAcquireRetry(String key, Duration wait) {
        return tryAcquireRetry(key, wait, Cause.FAILURE);
    }

    @Override
    public boolean tryAcquireRetry(String key, Duration wait, Cause cause) {
        int cost = cause == Cause.TIMEOUT ? timeoutCost : retryCost;
        int[] t = bucket(key);
        synchronized (t) {
            if (t[0] < cost) {
                return false;
            }
            t[0] -= cost;
            return true;
        }
    }

    @Override
    public void onSuccess(String key) {
        int[] t = bucket(key);
        synchronized (t) {
            t[0] = Math.min(capacity, t[0] + successRefund);
        }
    }

    /** Whether a failure now would be retried, without taking anything (the simulation's recovery probe). */
    public boolean wouldRetry(String key) {
        int[] t = bucket(key);
        synchronized (t) {
            return t[0] >= retryCost;
        }
    }

    private int[] bucket(String key) {
        return tokens.computeIfAbsent(key, k -> new int[] {capacity});
    }

    @Override
    public String toString() {
        return "AWS SDK v2 standard (" + capacity + " tokens, retry " + retryCost + ", timeout " + timeoutCost
                + ", success +" + successRefund + ")";
    }
}
