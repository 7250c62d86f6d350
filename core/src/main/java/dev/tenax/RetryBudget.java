package dev.tenax;

import dev.tenax.internal.PerRequestBudget;
import dev.tenax.internal.RatioBudget;
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
     * A budget kept per key (per host for HTTP) over a sliding {@code window}: retries may not exceed
     * {@code percent} of the calls started in the window plus {@code minPerSecond} for each second of it
     * (Finagle's retry budget). During a full outage load grows by at most about {@code 1 + percent}; a few
     * failures among many calls are always retried. HTTP policies use {@code ratio(0.2, 10, 10 s)} by default.
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
