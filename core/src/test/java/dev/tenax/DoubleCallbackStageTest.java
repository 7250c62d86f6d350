package dev.tenax;

import static dev.tenax.Await.BOUND;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for issue 12 (adversarial review), defect 17: a stage whose {@code whenComplete} calls its
 * action twice had one attempt judged twice: extra retries, scopes opened without being closed, more than one
 * give-up. It must count as one attempt.
 */
class DoubleCallbackStageTest {
    private static final int ATTEMPTS = 3;

    /** A future that notifies every {@code whenComplete} action twice. */
    private static final class CallsBackTwice<T> extends CompletableFuture<T> {
        @Override
        public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
            CompletableFuture<T> first = super.whenComplete(action);
            CompletableFuture<T> unused = super.whenComplete(action);
            return first;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>(); // its dependents behave
        }
    }

    /** Defect 17, with stages that have already failed when they are returned. */
    @Test
    void aStageThatCallsBackTwiceCountsAsOneAttempt() {
        assertOneAttemptPerStage(false);
    }

    /** Defect 17, with stages that fail later, on another thread. */
    @Test
    void aStageThatCallsBackTwiceLaterCountsAsOneAttempt() {
        assertOneAttemptPerStage(true);
    }

    private static void assertOneAttemptPerStage(boolean later) {
        CallRecorder recorder = new CallRecorder();
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(ATTEMPTS)
                .waitInitial(Duration.ofMillis(1))
                .waitJitter(Duration.ZERO)
                .listener(recorder)
                .build();

        CompletableFuture<String> call = policy.callAsync(() -> {
            CallsBackTwice<String> stage = new CallsBackTwice<>();
            IOException failure = new IOException("attempt " + attempts.incrementAndGet());
            if (later) {
                CompletableFuture<Void> unused = CompletableFuture.runAsync(() -> stage.completeExceptionally(failure));
            } else {
                stage.completeExceptionally(failure);
            }
            return stage;
        });

        assertThat(call)
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .withMessage("attempt " + ATTEMPTS);
        assertThat(recorder.awaitGiveUp().reason()).isEqualTo(GiveUpReason.ATTEMPTS);
        assertThat(attempts).hasValue(ATTEMPTS);
        assertThat(recorder.retries()).as("retries = attempts - 1").hasSize(ATTEMPTS - 1);
        assertThat(recorder.scopeCloses()).as("closes per scope").containsExactly(1, 1);
        assertThat(recorder.giveUps()).hasSize(1);
    }
}
