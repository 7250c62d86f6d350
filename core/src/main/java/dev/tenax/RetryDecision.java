package dev.tenax;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a backoff hook ({@link RetryPolicy#onDecide}) says about one failure: retry after the computed backoff,
 * retry after a wait it chose (for instance one the server asked for), or stop.
 *
 * <p>A chosen wait is not clamped by {@code waitMax}, but the engine still gives up at once when the wait would
 * end after the policy's timeout. Instances are immutable.
 *
 * <pre>{@code
 * RetryPolicy.onDecide(e -> e instanceof ThrottledException t
 *         ? RetryDecision.retryAfter(t.retryAfter())
 *         : e instanceof IOException ? RetryDecision.retry() : RetryDecision.stop())
 * }</pre>
 */
public final class RetryDecision {
    private static final RetryDecision RETRY = new RetryDecision(true, null);
    private static final RetryDecision STOP = new RetryDecision(false, null);

    private final boolean retry;
    private final @Nullable Duration wait;

    private RetryDecision(boolean retry, @Nullable Duration wait) {
        this.retry = retry;
        this.wait = wait;
    }

    /**
     * Retry after the policy's computed backoff.
     *
     * @return the decision, never {@code null}
     */
    public static RetryDecision retry() {
        return RETRY;
    }

    /**
     * Retry after exactly {@code wait} (no jitter is added and {@code waitMax} does not apply).
     *
     * @param wait how long to wait, not negative
     * @return the decision, never {@code null}
     * @throws IllegalArgumentException if {@code wait} is negative
     */
    public static RetryDecision retryAfter(Duration wait) {
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("retryAfter wait must be >= 0 (was " + wait + ")");
        }
        return new RetryDecision(true, wait);
    }

    /**
     * Do not retry: the failure is returned or thrown to the caller now.
     *
     * @return the decision, never {@code null}
     */
    public static RetryDecision stop() {
        return STOP;
    }

    /** Whether the engine should retry. */
    public boolean isRetry() {
        return retry;
    }

    /** The wait chosen by the hook, or empty for the computed backoff (or for {@link #stop()}). */
    public Optional<Duration> chosenWait() {
        return Optional.ofNullable(wait);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RetryDecision d && d.retry == retry && Objects.equals(d.wait, wait);
    }

    @Override
    public int hashCode() {
        return Objects.hash(retry, wait);
    }

    @Override
    public String toString() {
        return !retry
                ? "RetryDecision.stop()"
                : wait == null ? "RetryDecision.retry()" : "RetryDecision.retryAfter(" + wait + ")";
    }
}
