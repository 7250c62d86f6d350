package dev.tenax;

import static dev.tenax.Await.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Regression tests for issue 12 (adversarial review), defects 5 and 6: listeners and their scopes are user code
 * that may throw anything.
 *
 * <p>Defect 5: a checked exception thrown sneakily (as Kotlin or Lombok's {@code @SneakyThrows} do) from
 * {@code onRetryScheduled}, {@code onGiveUp} or a scope's {@code close()} escaped the engine's
 * {@code catch (RuntimeException | Error)}: the blocking call threw the listener's exception instead of its own
 * failure, the asynchronous one stopped retrying or told its give-up twice, and scopes of other listeners leaked.
 *
 * <p>Defect 6: a {@link StackOverflowError} from a listener (a recursive {@code toString} in a logging listener, say)
 * was rethrown: an asynchronous call told its give-up twice, and another listener's scope opened before it leaked.
 *
 * <p>Every test runs the call blocking and asynchronously; a recording listener sits before and after the one that
 * throws, and must see every event once and have every scope closed once, while the call makes all its attempts
 * and ends with its own failure.
 */
class ThrowingListenerTest {
    private static final int ATTEMPTS = 3;

    private final CallRecorder before = new CallRecorder();
    private final CallRecorder after = new CallRecorder();

    /** A checked exception, as a Kotlin listener may throw without declaring it. */
    private static final class ListenerFailed extends Exception {
        private static final long serialVersionUID = 1L;

        ListenerFailed(String message) {
            super(message);
        }
    }

    enum Engine {
        BLOCKING {
            @Override
            @Nullable
            Throwable failureOf(RetryPolicy policy, AtomicInteger attempts) {
                return catchThrowable(() -> policy.run(() -> {
                    throw new IOException("attempt " + attempts.incrementAndGet());
                }));
            }
        },
        ASYNC {
            @Override
            @Nullable
            Throwable failureOf(RetryPolicy policy, AtomicInteger attempts) {
                CompletableFuture<String> call = policy.callAsync(
                        () -> CompletableFuture.failedFuture(new IOException("attempt " + attempts.incrementAndGet())));
                Throwable thrown = catchThrowable(() -> call.get(BOUND.toSeconds(), TimeUnit.SECONDS));
                return thrown instanceof ExecutionException e ? e.getCause() : thrown;
            }
        };

        /** Runs an always-failing operation under {@code policy}; returns what the call ended with. */
        abstract @Nullable Throwable failureOf(RetryPolicy policy, AtomicInteger attempts);
    }

    /** Defect 5. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCheckedExceptionFromOnRetryScheduledBreaksNothing(Engine engine) {
        assertContained(engine, details -> sneakyThrow(new ListenerFailed("onRetryScheduled")));
    }

    /** Defect 5. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCheckedExceptionFromOnGiveUpBreaksNothing(Engine engine) {
        assertContained(engine, new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {}

            @Override
            public void onGiveUp(GiveUpDetails details) {
                sneakyThrow(new ListenerFailed("onGiveUp"));
            }
        });
    }

    /** Defect 5. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCheckedExceptionFromAScopeCloseBreaksNothing(Engine engine) {
        assertContained(engine, new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {}

            @Override
            public RetryScope openScope(RetryDetails details) {
                return () -> sneakyThrow(new ListenerFailed("close"));
            }
        });
    }

    /** Defect 6: the asynchronous call told its give-up twice. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStackOverflowErrorFromOnGiveUpIsToldOnceAndBreaksNothing(Engine engine) {
        assertContained(engine, new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {}

            @Override
            public void onGiveUp(GiveUpDetails details) {
                throw new StackOverflowError("onGiveUp");
            }
        });
    }

    /** Defect 6: the scope of the listener before it leaked. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStackOverflowErrorFromOpeningAScopeLeaksNoOtherScope(Engine engine) {
        assertContained(engine, details -> {
            throw new StackOverflowError("onRetryScheduled");
        });
    }

    /** Defect 6, from the scope's close. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStackOverflowErrorFromAScopeCloseLeaksNoOtherScope(Engine engine) {
        assertContained(engine, new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {}

            @Override
            public RetryScope openScope(RetryDetails details) {
                return () -> {
                    throw new StackOverflowError("close");
                };
            }
        });
    }

    private void assertContained(Engine engine, RetryListener throwing) {
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(ATTEMPTS)
                .waitInitial(Duration.ofMillis(1))
                .waitJitter(Duration.ZERO)
                .listener(before)
                .listener(throwing)
                .listener(after)
                .build();
        AtomicInteger attempts = new AtomicInteger();

        Throwable failure = engine.failureOf(policy, attempts);

        assertThat(failure)
                .as("the call's own failure")
                .isInstanceOf(IOException.class)
                .hasMessage("attempt " + ATTEMPTS);
        assertThat(attempts).as("attempts made").hasValue(ATTEMPTS);
        for (CallRecorder recorder : new CallRecorder[] {before, after}) {
            assertThat(recorder.awaitGiveUp().reason()).isEqualTo(GiveUpReason.ATTEMPTS);
            assertThat(recorder.giveUps()).as("give-ups told").hasSize(1);
            assertThat(recorder.retries()).as("retries told").hasSize(ATTEMPTS - 1);
            assertThat(recorder.scopeCloses()).as("closes per scope").containsExactly(1, 1);
        }
    }

    @SuppressWarnings("unchecked") // the point: a checked exception the signature does not declare
    private static <X extends Throwable> void sneakyThrow(Throwable t) throws X {
        throw (X) t;
    }
}
