package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for issue 12, defects 2a, 2b, 3, 4 and 5: user code that throws never hides the call's real
 * failure, errors and interrupts are never retried, and every future completes.
 */
class FaultContainmentTest {
    private final List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
    private final RetryListener recorder = new RecordingListener(List.of(), giveUps);

    private RetryPolicy.Builder fast(RetryPolicy.Builder builder) {
        return builder.waitInitial(Duration.ZERO).waitJitter(Duration.ZERO).listener(recorder);
    }

    @Test
    void aRuleThatThrowsAnErrorDoesNotReplaceTheFailureInABlockingCall() {
        AssertionError ruleBug = new AssertionError("rule bug");
        RetryPolicy policy = fast(RetryPolicy.onIf(e -> {
                    throw ruleBug;
                }))
                .build();

        assertThatThrownBy(() -> policy.call(() -> {
                    throw new IOException("connection reset");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("connection reset")
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(ruleBug));
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.NOT_RETRYABLE);
    }

    @Test
    void aRuleThatThrowsAnErrorStillCompletesTheAsyncCallWithTheFailure() throws Exception {
        AssertionError ruleBug = new AssertionError("rule bug");
        RetryPolicy policy = fast(RetryPolicy.onDecide(e -> {
                    throw ruleBug;
                }))
                .build();
        CompletableFuture<String> slow = new CompletableFuture<>();

        CompletableFuture<String> call = policy.callAsync(() -> slow);
        slow.completeExceptionally(new IOException("connection reset"));

        assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(ruleBug));
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.NOT_RETRYABLE);
    }

    @Test
    void aRuleThatThrowsAVirtualMachineErrorPropagatesIt() {
        StackOverflowError overflow = new StackOverflowError("deep");
        RetryPolicy policy = RetryPolicy.onIf(e -> {
                    throw overflow;
                })
                .build();

        assertThatThrownBy(() -> policy.call(() -> {
                    throw new IOException("x");
                }))
                .isSameAs(overflow);
    }

    @Test
    void aBudgetThatThrowsRefusesTheRetryAndTheFailureStillPropagates() throws Exception {
        IllegalStateException budgetBug = new IllegalStateException("budget bug");
        RetryBudget broken = new RetryBudget() {
            @Override
            public void onRequest(String key) {
                throw new IllegalStateException("onRequest bug");
            }

            @Override
            public boolean tryAcquireRetry(String key, Duration wait) {
                throw budgetBug;
            }
        };
        RetryPolicy policy =
                fast(RetryPolicy.on(IOException.class)).budget(broken).build();
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> policy.call(() -> {
                    attempts.incrementAndGet();
                    throw new IOException("blocking");
                }))
                .isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(budgetBug));
        CompletableFuture<String> call = policy.callAsync(() -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new IOException("async"));
        });

        assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS))
                .cause()
                .hasMessage("async")
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(budgetBug));
        assertThat(attempts).hasValue(2);
        assertThat(giveUps).extracting(GiveUpDetails::reason).containsExactly(GiveUpReason.BUDGET, GiveUpReason.BUDGET);
    }

    @Test
    void virtualMachineErrorsAndLinkageErrorsAreNeverRetriedWhateverTheRule() {
        for (Throwable fatal : List.of(
                new StackOverflowError(), new OutOfMemoryError("heap"), new NoClassDefFoundError("com/x/Gone"))) {
            AtomicInteger attempts = new AtomicInteger();
            RetryPolicy everything = fast(RetryPolicy.on(Throwable.class)).build();
            RetryPolicy always = fast(RetryPolicy.onIf(e -> true)).build();

            for (RetryPolicy policy : List.of(everything, always)) {
                assertThatThrownBy(() -> policy.run(() -> {
                            attempts.incrementAndGet();
                            throwUnchecked(fatal);
                        }))
                        .isSameAs(fatal);
                assertThat(policy.callAsync(() -> {
                            attempts.incrementAndGet();
                            return CompletableFuture.<String>failedFuture(fatal);
                        }))
                        .failsWithin(Duration.ofSeconds(30))
                        .withThrowableOfType(ExecutionException.class)
                        .havingCause()
                        .isSameAs(fatal);
            }
            assertThat(attempts).as("attempts for %s", fatal).hasValue(4);
        }
    }

    @Test
    void aRawInterruptedExceptionIsNotRetriedAndTheFlagIsRestored() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy policy = fast(RetryPolicy.on(Exception.class)).attempts(5).build();
        try {
            assertThatThrownBy(() -> policy.call(() -> {
                        if (attempts.incrementAndGet() == 1) {
                            throw new IOException("first");
                        }
                        throw new InterruptedException("stop");
                    }))
                    .isInstanceOf(InterruptedException.class)
                    .hasMessage("stop")
                    .satisfies(e -> assertThat(e.getSuppressed())
                            .extracting(Throwable::getMessage)
                            .containsExactly("first"));

            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(attempts).hasValue(2);
            assertThat(giveUps)
                    .singleElement()
                    .extracting(GiveUpDetails::reason)
                    .isEqualTo(GiveUpReason.INTERRUPTED);
        } finally {
            Thread.interrupted();
        }
    }

    @SuppressWarnings("unchecked")
    private static <X extends Throwable> void throwUnchecked(Throwable t) throws X {
        throw (X) t;
    }
}
