package dev.tenax;

import static dev.tenax.Await.BOUND;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for issue 12 (adversarial review), defect 1: {@code callAsync} took the minimal stages of
 * {@link CompletableFuture#completedStage} and {@link CompletableFuture#failedStage} for plain futures, asked them
 * {@code isDone()} and threw {@link UnsupportedOperationException} instead of starting the call; so did
 * {@code callAllAsync}.
 */
class MinimalStageTest {
    private final RetryPolicy threeAttempts = RetryPolicy.on(IOException.class)
            .attempts(3)
            .waitInitial(Duration.ZERO)
            .waitJitter(Duration.ZERO)
            .build();

    /** Defect 1. */
    @Test
    void callAsyncCompletesWithTheValueOfACompletedMinimalStage() {
        CompletableFuture<String> call = threeAttempts.callAsync(() -> CompletableFuture.completedStage("x"));

        assertThat(call).succeedsWithin(BOUND).isEqualTo("x");
    }

    /** Defect 1. */
    @Test
    void callAsyncRetriesAFailedMinimalStageUntilAMinimalStageSucceeds() {
        AtomicInteger attempts = new AtomicInteger();

        CompletableFuture<String> call = threeAttempts.callAsync(() -> attempts.incrementAndGet() == 1
                ? CompletableFuture.failedStage(new IOException("first"))
                : CompletableFuture.completedStage("second"));

        assertThat(call).succeedsWithin(BOUND).isEqualTo("second");
        assertThat(attempts).hasValue(2);
    }

    /** Defect 1. */
    @Test
    void callAsyncEndsWithTheLastFailureWhenEveryAttemptReturnsAFailedMinimalStage() {
        AtomicInteger attempts = new AtomicInteger();

        CompletableFuture<String> call = threeAttempts.callAsync(
                () -> CompletableFuture.failedStage(new IOException("attempt " + attempts.incrementAndGet())));

        assertThat(call)
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(IOException.class)
                .withMessage("attempt 3");
        assertThat(attempts).hasValue(3);
    }

    /** Defect 1, through {@code callAllAsync}. */
    @Test
    void callAllAsyncAcceptsMinimalStages() {
        CompletableFuture<BatchResult<String, String>> batch =
                threeAttempts.callAllAsync(List.of("a", "b", "c"), MinimalStageTest::minimal);

        assertThat(batch).succeedsWithin(BOUND).satisfies(result -> {
            assertThat(result.successes()).isEqualTo(Map.of("a", "a!", "c", "c!"));
            assertThat(result.failures()).containsOnlyKeys("b");
            assertThat(result.failures().get("b"))
                    .isInstanceOf(IOException.class)
                    .hasMessage("b is down");
        });
    }

    private static CompletionStage<String> minimal(String key) {
        return key.equals("b")
                ? CompletableFuture.failedStage(new IOException("b is down"))
                : CompletableFuture.completedStage(key + "!");
    }
}
