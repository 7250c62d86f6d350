package dev.tenax;

import org.jspecify.annotations.Nullable;

/**
 * Receives an event for every retry the engine schedules, for every call that gives up after a failure and, when
 * it overrides {@link #onSuccess}, for every call that succeeds.
 *
 * <p>A listener runs on the thread that judged the failure, after the failure was found retryable and before
 * the wait starts. It should be quick. An exception thrown by a listener never breaks the call: it is logged
 * once per listener class and ignored. Listeners must be thread-safe.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.on(IOException.class)
 *     .listener(details -> metrics.increment(details.name()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface RetryListener {
    /**
     * Called when a retry is scheduled.
     *
     * @param details the retry, never {@code null}
     */
    void onRetryScheduled(RetryDetails details);

    /**
     * Called when a retry is scheduled; may return a scope that the engine closes exactly once, right before the
     * next attempt. The default calls {@link #onRetryScheduled} and returns {@code null}.
     *
     * @param details the retry, never {@code null}
     * @return a scope to close before the next attempt, or {@code null}
     */
    default @Nullable RetryScope openScope(RetryDetails details) {
        onRetryScheduled(details);
        return null;
    }

    /**
     * Called once when a call that failed stops retrying. The default does nothing.
     *
     * @param details why and after how many attempts, never {@code null}
     */
    default void onGiveUp(GiveUpDetails details) {}

    /**
     * Called once when a call ends with an accepted outcome, a first-try success included. The default does
     * nothing.
     *
     * <p>This is the one event of the hot path, so the engine only builds it when some listener needs it: whether
     * a listener's class overrides this method is checked once, when a policy is built or the global listeners are
     * set, and a call that succeeds at once allocates nothing and notifies nobody when none does. Override it only
     * when you use it.
     *
     * <pre>{@code
     * RetryListener listener = new RetryListener() {
     *     public void onRetryScheduled(RetryDetails details) {}
     *
     *     public void onSuccess(SuccessDetails details) {
     *         if (details.attempts() > 1) {
     *             log.info(details.name() + " recovered after " + details.attempts() + " attempts");
     *         }
     *     }
     * };
     * }</pre>
     *
     * @param details the call's name, attempts and elapsed time, never {@code null}
     */
    default void onSuccess(SuccessDetails details) {}
}
