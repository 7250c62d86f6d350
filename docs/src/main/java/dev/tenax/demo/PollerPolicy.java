package dev.tenax.demo;

import dev.tenax.RetryDecision;
import dev.tenax.RetryListener;
import dev.tenax.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * The poller's core retry policy: short waits so that the demo finishes in seconds, and a backoff hook that
 * honours the server's {@code Retry-After}.
 */
final class PollerPolicy {
    private PollerPolicy() {}

    /**
     * The policy named {@code "poller"}: 10 attempts within 30 s, waits from 50 ms up to 1 s plus up to 100 ms of
     * jitter.
     *
     * @param listener told about every retry, in addition to the global listeners
     * @return the policy
     */
    static RetryPolicy create(RetryListener listener) {
        return RetryPolicy.onDecide(PollerPolicy::decide)
                .name("poller")
                .attempts(10)
                .timeout(Duration.ofSeconds(30))
                .waitInitial(Duration.ofMillis(50))
                .waitMax(Duration.ofSeconds(1))
                .waitJitter(Duration.ofMillis(100))
                .listener(listener)
                .build();
    }

    /**
     * The backoff hook: wait as long as the server asked, back off on other I/O errors, stop on the rest.
     *
     * @param failure the attempt's exception
     * @return the decision
     */
    static RetryDecision decide(Throwable failure) {
        if (failure instanceof RetryableStatusException status) {
            return status.retryAfter().map(RetryDecision::retryAfter).orElseGet(RetryDecision::retry);
        }
        if (failure instanceof UnexpectedStatusException || failure instanceof InterruptedIOException) {
            return RetryDecision.stop();
        }
        return failure instanceof IOException ? RetryDecision.retry() : RetryDecision.stop();
    }
}
