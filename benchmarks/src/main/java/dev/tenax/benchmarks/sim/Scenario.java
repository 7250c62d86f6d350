package dev.tenax.benchmarks.sim;

import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * What the server does during a row: its behaviour (built fresh per row from the row's seed) and, for the
 * outage-then-recovery scenario, when it recovers.
 *
 * @param label the table's name for it
 * @param behaviour builds the row's server behaviour from a seed (only the sporadic failures draw from it)
 * @param recoveryNanos when the server is healthy again, or {@code -1} when the scenario has no recovery
 */
public record Scenario(String label, LongFunction<SimServer.Behaviour> behaviour, long recoveryNanos) {
    private static final long SECOND = 1_000_000_000L;

    /** Every answer is {@code 503}, for the whole run. */
    public static Scenario outage() {
        return new Scenario("outage 503", seed -> now -> SimResponse.UNAVAILABLE, -1);
    }

    /** Every answer is {@code 503} with {@code Retry-After: 1}, for the whole run. */
    public static Scenario outageRetryAfter() {
        return new Scenario("outage 503 + Retry-After: 1", seed -> now -> SimResponse.UNAVAILABLE_RETRY_AFTER_1, -1);
    }

    /** Each attempt independently answered {@code 503} with probability {@code percent / 100}, else {@code 200}. */
    public static Scenario sporadic(int percent) {
        double p = percent / 100.0;
        return new Scenario(
                "sporadic " + percent + " % 503",
                seed -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    return now -> random.nextDouble() < p ? SimResponse.UNAVAILABLE : SimResponse.OK;
                },
                -1);
    }

    /** Every answer {@code 503} for the first {@code outageSeconds}, then every answer {@code 200}. */
    public static Scenario recovery(int outageSeconds) {
        long end = outageSeconds * SECOND;
        return new Scenario(
                "outage " + outageSeconds + " s, then healthy",
                seed -> now -> now < end ? SimResponse.UNAVAILABLE : SimResponse.OK,
                end);
    }

    /**
     * A server-side token bucket of {@code perSecond} tokens a second (as many in reserve): an attempt that finds
     * a token is answered {@code 200}, the others {@code 429} with {@code Retry-After: 1}.
     */
    public static Scenario rateLimiter(int perSecond) {
        return new Scenario(
                "rate limiter " + perSecond + " r/s (429 + Retry-After: 1)",
                seed -> new SimServer.Behaviour() {
                    private double tokens = perSecond;
                    private long last;

                    @Override
                    public SimResponse answer(long now) {
                        tokens = Math.min(perSecond, tokens + (now - last) * (double) perSecond / SECOND);
                        last = now;
                        if (tokens >= 1) {
                            tokens -= 1;
                            return SimResponse.OK;
                        }
                        return SimResponse.TOO_MANY_RETRY_AFTER_1;
                    }
                },
                -1);
    }
}
