package dev.tenax;

import dev.tenax.internal.PerRequestBudget;
import dev.tenax.internal.RatioBudget;
import dev.tenax.internal.TokenBucketBudget;
import dev.tenax.internal.UnlimitedBudget;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits how many retries a set of calls may make, so that retries cannot multiply the load on a service that
 * is already failing.
 *
 * <p>The engine calls {@link #onRequest} once when a call starts, {@link #tryAcquireRetry(String, Duration,
 * Cause)} before each retry, and {@link #onSuccess} when an attempt's outcome is accepted (a response that is not
 * retried, or an operation that returned); a refused retry ends the call with {@link GiveUpReason#BUDGET}.
 * Implementations must be thread-safe and must not block. A budget that throws grants nothing and is logged.
 *
 * <pre>{@code
 * // one user request fans out to several downstream calls: all of them share three retries
 * RetryBudget budget = RetryBudget.perRequest(3, Duration.ofSeconds(2));
 * RetryPolicy policy = basePolicy.toBuilder().budget(budget).build();
 * }</pre>
 */
public interface RetryBudget {
    /** Why a retry is asked for, so that a budget may charge causes differently. */
    enum Cause {
        /** A failure or a retryable response: the service may be failing. */
        FAILURE,
        /**
         * The attempt timed out (the client's timeout or {@code attemptTimeout}): the service may be overloaded
         * and may still be working on the request, so such a retry is the most expensive for it.
         */
        TIMEOUT,
        /**
         * The server answered {@code 429 Too Many Requests} with a hint of when to come back: it is pacing its
         * clients, not failing, and the retry waits as long as it asked.
         */
        PACED
    }

    /**
     * Records the start of a call (a logical request, not an attempt).
     *
     * @param key what the budget is kept for: the policy's name, or the host for HTTP
     */
    void onRequest(String key);

    /**
     * Asks for one retry that will wait {@code wait} first; {@code true} takes it from the budget.
     *
     * @param key as for {@link #onRequest}
     * @param wait the wait that precedes the retry
     * @return whether the retry may happen
     */
    boolean tryAcquireRetry(String key, Duration wait);

    /**
     * Asks for one retry for {@code cause}; the engine calls this one. The default ignores the cause and asks
     * {@link #tryAcquireRetry(String, Duration)}.
     *
     * @param key as for {@link #onRequest}
     * @param wait the wait that precedes the retry
     * @param cause why the retry is wanted
     * @return whether the retry may happen
     */
    default boolean tryAcquireRetry(String key, Duration wait, Cause cause) {
        return tryAcquireRetry(key, wait);
    }

    /**
     * Records an attempt whose outcome was accepted: the service answered (any response that is not retried
     * counts, a {@code 404} too). The default does nothing.
     *
     * @param key as for {@link #onRequest}
     */
    default void onSuccess(String key) {}

    /**
     * A budget that never refuses: only the policy's attempts and timeout limit retries.
     *
     * @return the shared unlimited budget
     */
    static RetryBudget unlimited() {
        return UnlimitedBudget.INSTANCE;
    }

    /**
     * A budget kept per key (per host for HTTP) over a sliding {@code window}: retries may not exceed
     * {@code percent} of the calls started in the window plus {@code minPerSecond} for each second of it
     * (Finagle's retry budget). During a full outage load grows by at most about {@code 1 + percent}; a few
     * failures among many calls are always retried. Every cause costs the same here; HTTP policies no longer
     * use it by default (see {@link #tokenBucket}): its floor of {@code minPerSecond} leaves every client
     * calling a host less often than that unprotected.
     *
     * <p>At most 1,024 keys are tracked. A key idle for a whole window is dropped when room is needed (checked
     * at most once per tenth of the window). While 1,024 keys are all active, every further key shares one
     * overflow budget: a failing host among them can use up the retries of the other hosts beyond the limit,
     * while the hosts tracked first keep their own. A client that calls more than 1,024 hosts at once should
     * give each group of hosts a budget of its own.
     *
     * @param percent the share of calls that may be retried, {@code 0} to {@code 1}
     * @param minPerSecond retries always allowed per second of the window, {@code >= 0}
     * @param window how far back calls and retries count, {@code 1 ms} to {@code 1 h}
     * @return a new budget; share one instance between the policies that should share it
     * @throws IllegalArgumentException if a value is out of range
     */
    static RetryBudget ratio(double percent, int minPerSecond, Duration window) {
        Objects.requireNonNull(window, "window");
        if (!(percent >= 0 && percent <= 1)) {
            throw new IllegalArgumentException("percent must be between 0 and 1 (was " + percent + ")");
        }
        if (minPerSecond < 0) {
            throw new IllegalArgumentException("minPerSecond must be >= 0 (was " + minPerSecond + ")");
        }
        if (window.compareTo(Duration.ofMillis(1)) < 0 || window.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("window must be between PT0.001S and PT1H (was " + window + ")");
        }
        return new RatioBudget(percent, minPerSecond, window);
    }

    /**
     * A token bucket kept per key (per host for HTTP), in the family of gRPC's retry throttling and the AWS SDK's
     * retry quota: each key's bucket starts full with {@code capacity} tokens; a retry takes one token (two after
     * a {@linkplain Cause#TIMEOUT timeout}) and is refused when there are not enough; every {@linkplain #onSuccess
     * accepted outcome} puts {@code refillPerSuccess} back, up to the capacity. A {@linkplain Cause#PACED paced}
     * retry (a 429 with a hint) takes no token: the server's hint paces it. A key may owe at most 10 paced retries per
     * token of capacity, each accepted outcome paying one back, so a burst against a rate limiter is never refused
     * while a limiter that stays overloaded gets retries only as fast as it admits requests.
     *
     * <p>There is no time-based allowance, so the bound holds at every request rate: a full outage, at any rate
     * and for any length, costs at most {@code capacity} retries (then every call makes one attempt), and in
     * general retries never exceed {@code capacity + refillPerSuccess × successes}. Sporadic failures are all
     * retried as long as they are rarer than {@code refillPerSuccess} per success. After an outage, one retry is
     * available again after {@code 1 / refillPerSuccess} successes. HTTP policies use {@code tokenBucket(5, 0.2)}
     * by default, one instance for the whole JVM; docs/http.md says how those constants were chosen.
     *
     * <p>Memory is bounded: at most 1,024 keys are tracked; a key whose bucket is full is in its initial state and
     * is dropped when room is needed. While 1,024 keys all have spent tokens, further keys share one overflow
     * bucket.
     *
     * <pre>{@code
     * // a client that should be more patient with its one host: 20 retries in reserve, one back per 4 successes
     * HttpRetryPolicy policy = HttpRetryPolicy.builder().budget(RetryBudget.tokenBucket(20, 0.25)).build();
     * }</pre>
     *
     * @param capacity the tokens of a full bucket, {@code 1} to {@code 1,000,000}
     * @param refillPerSuccess tokens put back per accepted outcome, {@code 0.001} to {@code capacity}
     * @return a new budget; share one instance between the policies that should share it
     * @throws IllegalArgumentException if a value is out of range
     */
    static RetryBudget tokenBucket(int capacity, double refillPerSuccess) {
        if (capacity < 1 || capacity > TokenBucketBudget.MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "capacity must be between 1 and " + TokenBucketBudget.MAX_CAPACITY + " (was " + capacity + ")");
        }
        if (!(refillPerSuccess >= TokenBucketBudget.MIN_REFILL && refillPerSuccess <= capacity)) {
            throw new IllegalArgumentException("refillPerSuccess must be between " + TokenBucketBudget.MIN_REFILL
                    + " and the capacity " + capacity + " (was " + refillPerSuccess + ")");
        }
        return new TokenBucketBudget(capacity, refillPerSuccess);
    }

    /**
     * A budget for the calls of one user request: at most {@code maxRetries} retries and {@code maxTotalWait} of
     * waiting in all, whichever runs out first, shared by every call that uses it. Create one per user request.
     *
     * @param maxRetries retries allowed in all, {@code >= 0}
     * @param maxTotalWait waiting allowed in all, {@code >= 0}
     * @return a new budget
     * @throws IllegalArgumentException if a limit is negative
     */
    static RetryBudget perRequest(int maxRetries, Duration maxTotalWait) {
        Objects.requireNonNull(maxTotalWait, "maxTotalWait");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0 (was " + maxRetries + ")");
        }
        if (maxTotalWait.isNegative()) {
            throw new IllegalArgumentException("maxTotalWait must be >= 0 (was " + maxTotalWait + ")");
        }
        return new PerRequestBudget(maxRetries, maxTotalWait);
    }
}
