package dev.tenax.benchmarks.sim;

import dev.tenax.RetryBudget;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * gRPC's retry throttling (gRFC A6) as a {@link RetryBudget}, per key: a bucket of {@code maxTokens} (10) starts
 * full; each failed attempt takes 1 token, each success puts {@code tokenRatio} (0.1) back, and a retry is
 * allowed only while the tokens left are above {@code maxTokens / 2}. Kept in thousandths, as gRPC does.
 *
 * <p>One difference from gRPC, imposed by the SPI: gRPC takes a token on every failed attempt, the final one
 * too, but the engine asks a budget only when it wants a retry, so a final attempt (at the attempt limit or the
 * deadline) is not seen and costs nothing here. Every cause, a paced {@code 429} too, costs the same token.
 */
public final class GrpcA6Budget implements RetryBudget {
    private static final int MILLI = 1000;

    private final int maxMilli;
    private final int ratioMilli;
    private final int thresholdMilli;
    private final ConcurrentHashMap<String, int[]> tokens = new ConcurrentHashMap<>();

    public GrpcA6Budget(int maxTokens, double tokenRatio) {
        this.maxMilli = maxTokens * MILLI;
        this.ratioMilli = (int) Math.round(tokenRatio * MILLI);
        this.thresholdMilli = maxMilli / 2;
    }

    @Override
    public void onRequest(String key) {
        // calls cost nothing
    }

    @Override
    public boolean tryAcquireRetry(String key, Duration wait) {
        int[] t = bucket(key);
        synchronized (t) {
            // the failure is charged first, then the retry is allowed only above the threshold
            t[0] = Math.max(0, t[0] - MILLI);
            return t[0] > thresholdMilli;
        }
    }

    @Override
    public void onSuccess(String key) {
        int[] t = bucket(key);
        synchronized (t) {
            t[0] = Math.min(maxMilli, t[0] + ratioMilli);
        }
    }

    /** Whether a failure now would be retried, without charging it (the simulation's recovery probe). */
    public boolean wouldRetry(String key) {
        int[] t = bucket(key);
        synchronized (t) {
            return t[0] - MILLI > thresholdMilli;
        }
    }

    private int[] bucket(String key) {
        return tokens.computeIfAbsent(key, k -> new int[] {maxMilli});
    }

    @Override
    public String toString() {
        return "gRPC A6 (maxTokens " + maxMilli / MILLI + ", tokenRatio " + ratioMilli / (double) MILLI + ")";
    }
}
