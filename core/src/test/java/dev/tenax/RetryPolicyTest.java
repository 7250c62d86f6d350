package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.internal.FakeTiming;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final FakeTiming timing = new FakeTiming(7);

    private RetryPolicy.Builder ioPolicy() {
        return RetryPolicy.on(IOException.class).timing(timing);
    }

    @Test
    void retriesUntilTheOperationSucceeds() throws IOException {
        Attempts op = Attempts.failingTimes(2);

        String result = ioPolicy().build().call(op::call);

        assertThat(result).isEqualTo("ok after 3");
        assertThat(op.count()).isEqualTo(3);
        assertThat(timing.sleeps()).hasSize(2);
    }

    @Test
    void successAtOnceNeitherWaitsNorNotifies() throws IOException {
        List<RetryDetails> events = new CopyOnWriteArrayList<>();
        RetryPolicy policy = ioPolicy().listener(events::add).build();

        String result = policy.call(() -> "at once");

        assertThat(result).isEqualTo("at once");
        assertThat(timing.sleeps()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    @SuppressWarnings("NullAway") // NullAway does not read type-parameter bounds from class files
    void nullResultsAreReturned() throws IOException {
        @Nullable String result = ioPolicy().build().call(() -> null);

        assertThat(result).isNull();
    }

    @Test
    void exhaustionRethrowsTheLastExceptionWithEarlierOnesSuppressed() {
        Attempts op = Attempts.alwaysFailing();
        RetryPolicy policy = ioPolicy().attempts(3).build();

        assertThatThrownBy(() -> policy.call(op::call))
                .isInstanceOf(IOException.class)
                .hasMessage("attempt 3 failed")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .extracting(Throwable::getMessage)
                        .containsExactly("attempt 1 failed", "attempt 2 failed"));
        assertThat(op.count()).isEqualTo(3);
    }

    @Test
    void theSameExceptionInstanceThrownTwiceIsNotSuppressedIntoItself() {
        IOException shared = new IOException("cached");
        RetryPolicy policy = ioPolicy().attempts(3).build();

        assertThatThrownBy(() -> policy.call(() -> {
                    throw shared;
                }))
                .isSameAs(shared);
        assertThat(shared.getSuppressed()).isEmpty();
    }

    @Test
    void aNonMatchingExceptionPropagatesAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy =
                RetryPolicy.on(TimeoutException.class).timing(timing).build();

        assertThatThrownBy(() -> policy.call(() -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("bug");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bug");
        assertThat(calls).hasValue(1);
        assertThat(timing.sleeps()).isEmpty();
    }

    @Test
    void subclassesOfANamedTypeAreRetried() throws IOException {
        AtomicInteger calls = new AtomicInteger();

        String result = ioPolicy().build().call(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new FileNotFoundException("not yet");
            }
            return "found";
        });

        assertThat(result).isEqualTo("found");
    }

    @Test
    void onIfRetriesWhatThePredicateAccepts() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.onIf(
                        e -> e.getMessage() != null && e.getMessage().contains("transient"))
                .attempts(4)
                .timing(timing)
                .build();

        assertThatThrownBy(() -> policy.call(() -> {
                    int n = calls.incrementAndGet();
                    throw new IllegalStateException(n < 3 ? "transient " + n : "permanent");
                }))
                .hasMessage("permanent");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aThrowingPredicateStopsRetryingAndKeepsTheOriginalFailure() {
        RuntimeException broken = new IllegalArgumentException("predicate bug");
        RetryPolicy policy = RetryPolicy.onIf(e -> {
                    throw broken;
                })
                .timing(timing)
                .build();

        assertThatThrownBy(() -> policy.call(() -> {
                    throw new IOException("original");
                }))
                .hasMessage("original")
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(broken));
    }

    @Test
    void backoffHookCanChooseTheWaitBeyondWaitMax() throws IOException {
        Attempts op = Attempts.failingTimes(2);
        RetryPolicy policy = RetryPolicy.onDecide(e -> RetryDecision.retryAfter(Duration.ofSeconds(7)))
                .waitMax(Duration.ofSeconds(1))
                .timing(timing)
                .build();

        policy.call(op::call);

        assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    void backoffHookRetryUsesTheComputedBackoff() throws IOException {
        RetryPolicy policy = RetryPolicy.onDecide(e -> RetryDecision.retry())
                .waitJitter(Duration.ZERO)
                .timing(timing)
                .build();

        policy.call(Attempts.failingTimes(2)::call);

        assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void backoffHookStopEndsTheCallAtOnce() {
        Attempts op = Attempts.alwaysFailing();
        RetryPolicy policy =
                RetryPolicy.onDecide(e -> RetryDecision.stop()).timing(timing).build();

        assertThatThrownBy(() -> policy.call(op::call)).hasMessage("attempt 1 failed");
        assertThat(op.count()).isEqualTo(1);
    }

    @Test
    void backoffHookWaitIsSubjectToTheDeadline() {
        Attempts op = Attempts.alwaysFailing();
        List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.onDecide(e -> RetryDecision.retryAfter(Duration.ofSeconds(60)))
                .timeout(Duration.ofSeconds(45))
                .listener(new RecordingListener(List.of(), giveUps))
                .timing(timing)
                .build();

        assertThatThrownBy(() -> policy.call(op::call)).isInstanceOf(IOException.class);

        assertThat(op.count()).isEqualTo(1);
        assertThat(timing.sleeps()).isEmpty();
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.DEADLINE);
    }

    @Test
    void aWaitThatWouldEndAfterTheTimeoutIsNotTaken() {
        // given: attempts take 4 s on the virtual clock, waits are 3 s, the timeout is 12 s
        AtomicInteger calls = new AtomicInteger();
        List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
        RetryPolicy policy = ioPolicy()
                .timeout(Duration.ofSeconds(12))
                .waitInitial(Duration.ofSeconds(3))
                .waitExpBase(1)
                .waitJitter(Duration.ZERO)
                .listener(new RecordingListener(List.of(), giveUps))
                .build();

        // when: attempt 1 runs 0-4 s, waits until 7 s; attempt 2 runs 7-11 s; a wait to 14 s would cross 12 s
        assertThatThrownBy(() -> policy.call(() -> {
                    calls.incrementAndGet();
                    timing.advance(Duration.ofSeconds(4));
                    throw new IOException("slow failure");
                }))
                .isInstanceOf(IOException.class);

        // then: the engine gave up at 11 s instead of sleeping for nothing
        assertThat(calls).hasValue(2);
        assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(3));
        GiveUpDetails giveUp = giveUps.get(0);
        assertThat(giveUp.reason()).isEqualTo(GiveUpReason.DEADLINE);
        assertThat(giveUp.elapsed()).isEqualTo(Duration.ofSeconds(11));
    }

    @Test
    void theTimeoutCountsFromTheFirstAttemptsStart() {
        // a first attempt of 44 s leaves 1 s of the default 45 s: the 100 ms wait fits, the second does not
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = ioPolicy().waitJitter(Duration.ZERO).build();

        assertThatThrownBy(() -> policy.call(() -> {
                    if (calls.incrementAndGet() == 1) {
                        timing.advance(Duration.ofSeconds(44));
                    } else {
                        timing.advance(Duration.ofMillis(800));
                    }
                    throw new IOException("down");
                }))
                .isInstanceOf(IOException.class);

        assertThat(calls).hasValue(2);
        assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void noTimeoutMeansOnlyAttemptsLimit() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = ioPolicy().attempts(5).noTimeout().build();

        assertThatThrownBy(() -> policy.call(() -> {
                    calls.incrementAndGet();
                    timing.advance(Duration.ofHours(1));
                    throw new IOException("slow");
                }))
                .isInstanceOf(IOException.class);

        assertThat(calls).hasValue(5);
    }

    @Test
    void unlimitedAttemptsRetryUntilTheTimeout() {
        Attempts op = Attempts.alwaysFailing();
        RetryPolicy policy = ioPolicy()
                .unlimitedAttempts()
                .timeout(Duration.ofSeconds(10))
                .waitInitial(Duration.ofSeconds(1))
                .waitExpBase(1)
                .waitJitter(Duration.ZERO)
                .build();

        assertThatThrownBy(() -> policy.call(op::call)).isInstanceOf(IOException.class);

        assertThat(op.count()).isEqualTo(11);
        assertThat(timing.sleeps()).hasSize(10);
    }

    @Test
    void runRetriesABlockOfCode() throws IOException {
        Attempts op = Attempts.failingTimes(1);

        ioPolicy().build().run(op::call);

        assertThat(op.count()).isEqualTo(2);
    }

    @Test
    void checkedExceptionTypesPassThroughTheSignature() {
        // compiles only because call() declares the supplier's IOException, not Exception or Throwable
        RetryPolicy policy = ioPolicy().attempts(2).build();
        try {
            policy.call(() -> {
                throw new IOException("checked");
            });
        } catch (IOException expected) {
            assertThat(expected).hasMessage("checked");
            return;
        }
        throw new AssertionError("IOException expected");
    }

    @Test
    void uncheckedSuppliersNeedNoCatch() {
        RetryPolicy policy =
                RetryPolicy.on(UncheckedIOException.class).timing(timing).build();
        AtomicInteger calls = new AtomicInteger();

        int value = policy.call(() -> {
            if (calls.incrementAndGet() < 2) {
                throw new UncheckedIOException(new IOException("x"));
            }
            return 42;
        });

        assertThat(value).isEqualTo(42);
    }

    @Test
    void errorsAreRetriedOnlyWhenNamed() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = ioPolicy().build();

        assertThatThrownBy(() -> policy.call(() -> {
                    calls.incrementAndGet();
                    throw new StackOverflowError();
                }))
                .isInstanceOf(StackOverflowError.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void listenersReceiveRetryDetailsBeforeEachWait() throws IOException {
        List<RetryDetails> events = new CopyOnWriteArrayList<>();
        RetryPolicy policy = ioPolicy()
                .name("fetch-user")
                .waitJitter(Duration.ZERO)
                .listener(events::add)
                .build();

        policy.call(Attempts.failingTimes(2)::call);

        assertThat(events).hasSize(2);
        RetryDetails first = events.get(0);
        assertThat(first.name()).isEqualTo("fetch-user");
        assertThat(first.retryNumber()).isEqualTo(1);
        assertThat(first.waitFor()).isEqualTo(Duration.ofMillis(100));
        assertThat(first.waitedSoFar()).isEqualTo(Duration.ZERO);
        assertThat(first.cause()).isInstanceOf(IOException.class).hasMessage("attempt 1 failed");
        assertThat(first.status()).isEmpty();
        assertThat(first.errorType()).isEqualTo("java.io.IOException");
        assertThat(first.target()).isNull();
        RetryDetails second = events.get(1);
        assertThat(second.retryNumber()).isEqualTo(2);
        assertThat(second.waitFor()).isEqualTo(Duration.ofMillis(200));
        assertThat(second.waitedSoFar()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void giveUpReportsAttemptsAndReason() {
        List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
        RetryPolicy policy = ioPolicy()
                .attempts(3)
                .listener(new RecordingListener(List.of(), giveUps))
                .build();

        assertThatThrownBy(() -> policy.call(Attempts.alwaysFailing()::call)).isInstanceOf(IOException.class);

        GiveUpDetails giveUp = giveUps.get(0);
        assertThat(giveUp.reason()).isEqualTo(GiveUpReason.ATTEMPTS);
        assertThat(giveUp.attempts()).isEqualTo(3);
        assertThat(giveUp.cause()).hasMessage("attempt 3 failed");
        assertThat(giveUp.serverWait()).isEmpty();
        assertThat(giveUp.status()).isEmpty();
        assertThat(giveUp.target()).isNull();
        assertThat(giveUp.errorType()).isEqualTo("java.io.IOException");
    }

    @Test
    void aNotRetryableFirstFailureIsReportedAsAGiveUp() {
        List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.on(TimeoutException.class)
                .listener(new RecordingListener(List.of(), giveUps))
                .build();

        assertThatThrownBy(() -> policy.call(Attempts.alwaysFailing()::call)).isInstanceOf(IOException.class);

        assertThat(giveUps).singleElement().satisfies(g -> {
            assertThat(g.reason()).isEqualTo(GiveUpReason.NOT_RETRYABLE);
            assertThat(g.attempts()).isEqualTo(1);
        });
    }

    @Test
    void aPerRequestBudgetIsSharedAcrossCalls() {
        RetryBudget budget = RetryBudget.perRequest(3, Duration.ofSeconds(10));
        List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
        RetryPolicy policy = ioPolicy()
                .budget(budget)
                .listener(new RecordingListener(List.of(), giveUps))
                .build();
        Attempts first = Attempts.failingTimes(2);
        Attempts second = Attempts.alwaysFailing();

        assertThat(catchingIo(() -> policy.call(first::call))).isEqualTo("ok after 3");
        assertThatThrownBy(() -> policy.call(second::call)).isInstanceOf(IOException.class);

        assertThat(second.count()).isEqualTo(2); // one retry was left
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.BUDGET);
    }

    @Test
    void aPerRequestBudgetLimitsTotalWaiting() {
        RetryBudget budget = RetryBudget.perRequest(100, Duration.ofMillis(250));
        Attempts op = Attempts.alwaysFailing();
        RetryPolicy policy = ioPolicy().waitJitter(Duration.ZERO).budget(budget).build();

        assertThatThrownBy(() -> policy.call(op::call)).isInstanceOf(IOException.class);

        // 100 ms fits, then 200 ms would exceed 250 ms in all
        assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void toStringShowsTheSettings() {
        assertThat(ioPolicy().attempts(3).name("x").build().toString())
                .startsWith("RetryPolicy[")
                .contains("attempts=3", "timeout=PT45S", "waitInitial=PT0.1S", "waitExpBase=2.0");
    }

    private static String catchingIo(ThrowingSupplier<String, IOException> s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
