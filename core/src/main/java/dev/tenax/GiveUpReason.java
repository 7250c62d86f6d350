package dev.tenax;

/** Why a call stopped retrying and returned or threw what its last attempt gave. */
public enum GiveUpReason {
    /** The configured number of attempts was used up. */
    ATTEMPTS,
    /** The next attempt would have started after the policy's timeout. */
    DEADLINE,
    /** The retry budget refused another retry (an outage is not amplified). */
    BUDGET,
    /** The server asked for a wait longer than the policy accepts. */
    HINT_TOO_LONG,
    /** The failure is not one the policy retries. */
    NOT_RETRYABLE,
    /** The request may have reached the server and its method is not idempotent. */
    NOT_IDEMPOTENT,
    /** The request body may have been consumed and cannot be sent again. */
    BODY_NOT_REPLAYABLE,
    /** The calling thread was interrupted. */
    INTERRUPTED,
    /** The caller cancelled the call. */
    CANCELLED
}
