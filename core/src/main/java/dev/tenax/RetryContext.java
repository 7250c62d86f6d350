package dev.tenax;

import java.time.Duration;

/**
 * What a backoff hook ({@link RetryPolicy#onDecide(java.util.function.BiFunction)}) knows about the call when it
 * decides about a failure: which attempt failed and how long the call has taken so far. With these, a hook can
 * reproduce any schedule (full jitter, decorrelated jitter, a fixed table) without keeping state of its own.
 *
 * <pre>{@code
 * // "full jitter": a uniform wait between 0 and 100 ms * 2^(n-1), at most 10 s
 * RetryPolicy policy = RetryPolicy.onDecide((failure, call) -> failure instanceof IOException
 *         ? RetryDecision.retryAfter(Duration.ofMillis((long) (ThreadLocalRandom.current().nextDouble()
 *                 * Math.min(10_000, 100L << Math.min(20, call.attemptNumber() - 1)))))
 *         : RetryDecision.stop())
 *     .build();
 * }</pre>
 *
 * <p>An instance is valid only during the hook's invocation; do not keep it.
 */
public interface RetryContext {
    /**
     * The attempt that just failed: 1 for the first attempt.
     *
     * @return the attempt number, {@code >= 1}
     */
    int attemptNumber();

    /**
     * Time since the call started. It counts from the first attempt's start when the policy has a timeout (the
     * clock is read there anyway); without a timeout, from the end of the first attempt, so that a call that
     * succeeds at once never reads the clock.
     *
     * @return the elapsed time, never negative
     */
    Duration elapsed();

    /**
     * The sum of the waits before the attempts so far.
     *
     * @return the time spent waiting, never negative
     */
    Duration waitedSoFar();
}
