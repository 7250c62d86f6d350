package dev.tenax;

import static dev.tenax.Await.BOUND;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for issue 12 (adversarial review), defect 4: in testing mode with a direct executor
 * ({@code .executor(Runnable::run)}), an operation whose stage fails at once had every retry start on the stack of
 * the attempt before it; 2,000 attempts overflowed the stack. A retry handed back on the same stack must be queued,
 * not nested, whatever the number of attempts.
 */
class DirectExecutorDepthTest {
    private final AtomicInteger retries = new AtomicInteger();
    private final List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
    private final RetryPolicy direct = RetryPolicy.on(IOException.class)
            .executor(Runnable::run)
            .listener(new RetryListener() {
                @Override
                public void onRetryScheduled(RetryDetails details) {
                    retries.incrementAndGet(); // counted, not recorded: 200,000 of them
                }

                @Override
                public void onGiveUp(GiveUpDetails details) {
                    giveUps.add(details);
                }
            })
            .build();

    /** Defect 4. */
    @Test
    void twoThousandSynchronousFailuresOnADirectExecutorEndWithTheFailureAfterExactlyTwoThousandAttempts() {
        assertEndsWithTheFailureAfter(2_000);
    }

    /** Defect 4. */
    @Test
    void twoHundredThousandSynchronousFailuresOnADirectExecutorEndWithTheFailureAfterExactlyThatManyAttempts() {
        assertEndsWithTheFailureAfter(200_000);
    }

    /** Defect 4, on the result path: a result retried at once is handed back on the same stack too. */
    @Test
    void twoThousandResultRetriesOnADirectExecutorEndWithTheLastResult() {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> call;
        try (Tenax.Handle ignored = Tenax.setTesting(true, 2_000, false)) {
            call = direct.callAsync(
                    () -> CompletableFuture.completedFuture("pending " + attempts.incrementAndGet()),
                    result -> result.startsWith("pending"));
        }

        assertThat(call).succeedsWithin(BOUND).isEqualTo("pending 2000");
        assertThat(attempts).hasValue(2_000);
    }

    private void assertEndsWithTheFailureAfter(int expectedAttempts) {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> call;
        try (Tenax.Handle ignored = Tenax.setTesting(true, expectedAttempts, false)) {
            call = direct.callAsync(() -> {
                attempts.incrementAndGet();
                return CompletableFuture.failedFuture(new IOException("down"));
            });
        }

        assertThat(call)
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(IOException.class)
                .withMessage("down");
        assertThat(attempts).hasValue(expectedAttempts);
        assertThat(retries).hasValue(expectedAttempts - 1);
        assertThat(giveUps)
                .singleElement()
                .satisfies(giveUp -> assertThat(giveUp.reason()).isEqualTo(GiveUpReason.ATTEMPTS))
                .satisfies(giveUp -> assertThat(giveUp.attempts()).isEqualTo(expectedAttempts));
    }
}
