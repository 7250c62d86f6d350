package dev.tenax.http;

import dev.tenax.RetryDecision;

/**
 * Full control over which HTTP outcomes are retried. It replaces the status and failure classification, not the
 * safety rules: a non-idempotent request that may have been sent, or a body that cannot be sent twice, is still
 * not retried (unless {@link HttpRetryPolicy.Builder#retryNonIdempotent} says otherwise).
 *
 * <pre>{@code
 * // also retry 409 Conflict, keep every default decision otherwise
 * HttpRetryPredicate predicate = outcome -> outcome.status().orElse(0) == 409
 *         ? RetryDecision.retry()
 *         : outcome.defaultDecision();
 * }</pre>
 */
@FunctionalInterface
public interface HttpRetryPredicate {
    /**
     * Decides about one outcome. {@link RetryDecision#retryAfter} is treated as a server-driven wait: jitter is
     * added and the {@link LongRetryAfter} rule applies.
     *
     * @param outcome how the attempt ended, never {@code null}
     * @return the decision, never {@code null}
     */
    RetryDecision decide(HttpOutcome outcome);
}
