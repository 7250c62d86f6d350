package dev.tenax.internal;

/**
 * What an attempt may ask the engine while it runs: how much time is left, which attempt it is, and (for
 * adapters that must choose a body handler when the headers arrive) whether its outcome will be retried.
 */
public interface AttemptContext {
    /** Time left before the policy's deadline; {@link Long#MAX_VALUE} when there is none. */
    long remainingNanos();

    /**
     * The most this attempt may take: the time left, and at most the policy's attempt timeout;
     * {@link Long#MAX_VALUE} when neither limits it.
     */
    default long timeoutNanos() {
        return remainingNanos();
    }

    /** 1 for the first attempt. */
    int attemptNumber();

    /**
     * Decides now, before the attempt completes, what happens to an outcome judged {@code verdict}: {@code true}
     * means the engine has committed to retry it (the budget is taken, the wait chosen), so the adapter should
     * discard the response body; {@code false} means the response will be returned to the caller. The engine
     * then uses this decision when the attempt completes with a result.
     */
    boolean decideEarly(Verdict verdict);
}
