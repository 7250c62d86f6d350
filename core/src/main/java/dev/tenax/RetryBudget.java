package dev.tenax;

import dev.tenax.internal.PerRequestBudget;
import dev.tenax.internal.UnlimitedBudget;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits how many retries a set of calls may make, so that retries cannot multiply the load on a service that
 * is already failing.
 *
 * <p>The engine calls {@link #onRequest} once when a call starts and {@link #tryAcquireRetry} before each retry;
 * a refused retry ends the call with {@link GiveUpReason#BUDGET}. Implementations must be thread-safe and must
 * not block.
 *
 * <pre>{@code
 * // one user request fans out to several downstream calls: all of them share three retries
 * RetryBudget budget = RetryBudget.perRequest(3, Duration.ofSeconds(2));
 * RetryPolicy policy = basePolicy.toBuilder().budget(budget).build();
 * }</pre>
 */
public interface RetryBudget {
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
     * A budget that never refuses: only the policy's attempts and timeout limit retries.
     *
     * @return the shared unlimited budget
     */
    static RetryBudget unlimited() {
        return UnlimitedBudget.INSTANCE;
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
