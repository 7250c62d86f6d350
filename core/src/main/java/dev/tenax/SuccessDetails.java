package dev.tenax;

import java.time.Duration;

/**
 * What a {@link RetryListener} learns when a call ends with an accepted outcome: after how many attempts and how
 * long it took. Instances are immutable.
 *
 * <pre>{@code
 * RetryListener attemptsPerCall = new RetryListener() {
 *     public void onRetryScheduled(RetryDetails details) {}
 *
 *     public void onSuccess(SuccessDetails details) {
 *         histogram.record(details.name(), details.attempts()); // 1 for a first-try success
 *     }
 * };
 * }</pre>
 */
public interface SuccessDetails {
    /**
     * The policy's name.
     *
     * <pre>{@code
     * String policy = details.name(); // "fetch-user"
     * }</pre>
     *
     * @return the name, never {@code null}
     */
    String name();

    /**
     * How many attempts the call made, the accepted one included: {@code 1} for a first-try success.
     *
     * <pre>{@code
     * boolean retried = details.attempts() > 1;
     * }</pre>
     *
     * @return at least {@code 1}
     */
    int attempts();

    /**
     * Time from the first attempt's start to the accepted outcome (zero in the rare case the clock was not read
     * when the call started: the global listeners changed while it ran).
     *
     * <pre>{@code
     * long millis = details.elapsed().toMillis();
     * }</pre>
     *
     * @return the elapsed time, never negative
     */
    Duration elapsed();
}
