package dev.tenax;

/**
 * Why a call stopped retrying and returned or threw what its last attempt gave.
 *
 * <p>{@link VirtualMachineError}s and {@link LinkageError}s are never retried, whatever the policy's rule says
 * ({@link #NOT_RETRYABLE}); a raw {@link InterruptedException} from an attempt is never retried either
 * ({@link #INTERRUPTED}). A rule that throws counts as {@link #NOT_RETRYABLE} and a budget that throws as
 * {@link #BUDGET}; their throwable is attached to the failure as suppressed.
 */
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
    /** The caller cancelled the call (or completed its future). */
    CANCELLED,
    /**
     * Asynchronous calls only: the scheduler that times the wait, or the executor that starts the next attempt,
     * rejected it or was shut down with it pending; the call ends with its last failure, a
     * {@link java.util.concurrent.RejectedExecutionException} attached.
     */
    SHUTDOWN
}
