package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.internal.DefaultScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for issue 12 (adversarial review), defects 2 and 3.
 *
 * <p>Defect 2: cancelling (or completing) the future while an attempt was in flight cancelled that attempt's stage,
 * and the engine then judged its own {@code CancellationException} like a failure: a retry was scheduled, the
 * budget drawn, a timer left in the default scheduler's queue, a new attempt started (testing mode with a direct
 * executor), and the give-up reason was the rule's instead of {@code CANCELLED}.
 *
 * <p>Defect 3: a cancel that returned {@code true} while the engine closed the listeners' scopes before the next
 * attempt (from inside a scope's {@code close()}, or from another thread while a slow scope closed) did not stop
 * that attempt.
 */
class CancelInFlightTest {
    /** A wait no other test uses, so that its timer can be told apart in the shared scheduler's queue. */
    private static final Duration ODD_WAIT = Duration.ofMinutes(317);

    private final CallRecorder recorder = new CallRecorder();

    /** A budget that grants every retry and counts how often it was asked. */
    private static final class CountingBudget implements RetryBudget {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public void onRequest(String key) {}

        @Override
        public boolean tryAcquireRetry(String key, Duration wait) {
            asked.incrementAndGet();
            return true;
        }
    }

    /** Defect 2: a rule that retries everything would have retried the engine's own cancellation. */
    @Test
    void cancellingWhileAnAttemptIsInFlightRetriesNothingDrawsNoBudgetAndLeavesNoTimer() {
        CountingBudget budget = new CountingBudget();
        RetryPolicy policy = RetryPolicy.onIf(e -> true)
                .waitInitial(ODD_WAIT)
                .waitMax(ODD_WAIT)
                .waitJitter(Duration.ZERO)
                .noTimeout()
                .budget(budget)
                .listener(recorder)
                .build();
        CompletableFuture<String> inFlight = new CompletableFuture<>();
        CompletableFuture<String> call = policy.callAsync(() -> inFlight);

        assertThat(call.cancel(true)).isTrue();

        assertThat(recorder.awaitGiveUp().reason()).isEqualTo(GiveUpReason.CANCELLED);
        assertThat(inFlight).as("the attempt in flight").isCancelled();
        assertThat(recorder.retries()).as("retries scheduled").isEmpty();
        assertThat(budget.asked).as("retries asked of the budget").hasValue(0);
        assertThat(timersQueuedFor(ODD_WAIT))
                .as("timers left in the default scheduler")
                .isZero();
        assertThat(recorder.giveUps()).hasSize(1);
    }

    /** Defect 2: a narrow rule would have reported the cancellation as {@code NOT_RETRYABLE}. */
    @Test
    void cancellingWhileAnAttemptIsInFlightGivesUpOnceAsCancelledWhateverTheRuleSays() {
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).listener(recorder).build();
        CompletableFuture<String> call = policy.callAsync(CompletableFuture::new);

        assertThat(call.cancel(true)).isTrue();

        assertThat(recorder.awaitGiveUp().reason()).isEqualTo(GiveUpReason.CANCELLED);
        assertThat(recorder.giveUps()).hasSize(1);
        assertThat(recorder.retries()).isEmpty();
    }

    /** Defect 2: completing the future is an outside end like a cancel. */
    @Test
    void completingTheFutureWhileAnAttemptIsInFlightEndsTheCallWithThatValueAndNoRetry() {
        RetryPolicy policy = RetryPolicy.onIf(e -> true)
                .waitInitial(ODD_WAIT)
                .waitMax(ODD_WAIT)
                .waitJitter(Duration.ZERO)
                .noTimeout()
                .listener(recorder)
                .build();
        CompletableFuture<String> inFlight = new CompletableFuture<>();
        CompletableFuture<String> call = policy.callAsync(() -> inFlight);

        assertThat(call.complete("mine")).isTrue();

        assertThat(recorder.awaitGiveUp().reason()).isEqualTo(GiveUpReason.CANCELLED);
        assertThat(call).isCompletedWithValue("mine");
        assertThat(inFlight).as("the attempt in flight").isCancelled();
        assertThat(recorder.retries()).isEmpty();
        assertThat(timersQueuedFor(ODD_WAIT)).isZero();
    }

    /** Defect 2: in testing mode with a direct executor the retry would have started on the cancelling thread. */
    @Test
    void cancellingInTestingModeWithADirectExecutorStartsNoFurtherAttempt() {
        List<CompletableFuture<String>> stages = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.onIf(e -> true)
                .executor(Runnable::run)
                .listener(recorder)
                .build();
        CompletableFuture<String> call;
        try (Tenax.Handle ignored = Tenax.setTesting(true, 5, false)) {
            call = policy.callAsync(() -> {
                CompletableFuture<String> stage = new CompletableFuture<>();
                stages.add(stage);
                return stage;
            });
        }

        assertThat(call.cancel(true)).isTrue();

        assertThat(recorder.awaitGiveUp().reason()).isEqualTo(GiveUpReason.CANCELLED);
        assertThat(stages).as("attempts started").hasSize(1);
        assertThat(stages.get(0)).isCancelled();
        assertThat(recorder.retries()).isEmpty();
    }

    /** Defect 3: the scope closed right before the next attempt cancels the call; that attempt must not start. */
    @Test
    void aCancelFromInsideAScopeCloseStartsNoFurtherAttempt() {
        AtomicReference<@Nullable CompletableFuture<String>> callHolder = new AtomicReference<>();
        AtomicBoolean cancelReturned = new AtomicBoolean();
        RetryListener cancelsOnClose = new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {}

            @Override
            public RetryScope openScope(RetryDetails details) {
                return () -> {
                    CompletableFuture<String> call = callHolder.get();
                    cancelReturned.set(call != null && call.cancel(true));
                };
            }
        };
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .listener(recorder)
                .listener(cancelsOnClose)
                .build();
        CompletableFuture<String> first = new CompletableFuture<>();
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> call = policy.callAsync(
                () -> attempts.incrementAndGet() == 1 ? first : CompletableFuture.failedFuture(new IOException("2")));
        callHolder.set(call);

        first.completeExceptionally(new IOException("1")); // the retry's scope closes on the executor

        assertThat(recorder.awaitGiveUp().reason()).isEqualTo(GiveUpReason.CANCELLED);
        assertThat(cancelReturned).as("cancel() returned true").isTrue();
        assertThat(attempts).as("attempts started").hasValue(1);
        assertThat(call).isCancelled();
        assertThat(recorder.scopeCloses()).containsExactly(1);
        assertThat(recorder.giveUps()).hasSize(1);
    }

    /** Defect 3: a cancel from another thread while a slow scope closes; that attempt must not start. */
    @Test
    void aCancelWhileASlowScopeClosesStartsNoFurtherAttempt() {
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        RetryListener slowScope = new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {}

            @Override
            public RetryScope openScope(RetryDetails details) {
                return () -> {
                    closing.countDown();
                    Await.opened(cancelled); // slow: still closing when the caller cancels
                };
            }
        };
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .listener(recorder)
                .listener(slowScope)
                .build();
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> call = policy.callAsync(() -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new IOException("down"));
        });
        assertThat(Await.opened(closing)).as("the scope is closing").isTrue();

        boolean cancelReturned = call.cancel(true);
        cancelled.countDown();

        assertThat(cancelReturned).isTrue();
        assertThat(recorder.awaitGiveUp().reason()).isEqualTo(GiveUpReason.CANCELLED);
        assertThat(attempts).as("attempts started").hasValue(1);
        assertThat(recorder.scopeCloses()).containsExactly(1);
        assertThat(recorder.giveUps()).hasSize(1);
    }

    /**
     * Defects 2 and 3 under races: attempts that fail on other threads, cancels at random moments. Every call ends,
     * tells exactly one give-up, closes every scope it opened exactly once, and never retries (or gives up on) the
     * cancellation of its own attempt in flight: every cause it reports is one of the operation's failures.
     */
    @RepeatedTest(10)
    void cancelsAtRandomMomentsEndEveryCallOnceAndCloseEveryScopeOnce() {
        ScheduledExecutorService completer = Executors.newScheduledThreadPool(2);
        try {
            List<CallRecorder> recorders = new ArrayList<>();
            List<CompletableFuture<String>> calls = new ArrayList<>();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < 100; i++) {
                CallRecorder events = new CallRecorder();
                RetryPolicy policy = RetryPolicy.onIf(e -> true)
                        .attempts(6)
                        .waitInitial(Duration.ofNanos(random.nextLong(1, 2_000_000)))
                        .waitJitter(Duration.ofMillis(1))
                        .listener(events)
                        .build();
                CompletableFuture<String> call = policy.callAsync(() -> failSoon(completer));
                ScheduledFuture<?> unused =
                        completer.schedule(() -> call.cancel(true), random.nextLong(0, 6_000), TimeUnit.MICROSECONDS);
                recorders.add(events);
                calls.add(call);
            }

            for (int i = 0; i < calls.size(); i++) {
                CompletableFuture<String> call = calls.get(i);
                CallRecorder events = recorders.get(i);
                Await.until("call " + i + " to end", call::isDone);
                GiveUpDetails giveUp = events.awaitGiveUp();
                assertThat(giveUp.reason()).isIn(GiveUpReason.ATTEMPTS, GiveUpReason.CANCELLED);
                Throwable lastFailure = giveUp.cause(); // none when cancelled before the first attempt ended
                if (lastFailure != null) {
                    assertThat(lastFailure).as("give-up cause of call %s", i).isInstanceOf(IOException.class);
                }
                assertThat(events.retries())
                        .as("retry causes of call %s: never the engine's own cancellation", i)
                        .allSatisfy(retry -> assertThat(retry.cause()).isInstanceOf(IOException.class));
                Await.until(
                        "call " + i + " to close its scopes",
                        () -> !events.scopeCloses().contains(0));
                assertThat(events.giveUps()).as("give-ups of call %s", i).hasSize(1);
                assertThat(events.scopeCloses())
                        .as("scope closes of call %s", i)
                        .allMatch(closes -> closes == 1);
            }
        } finally {
            completer.shutdownNow();
        }
    }

    private static CompletionStage<String> failSoon(ScheduledExecutorService completer) {
        CompletableFuture<String> stage = new CompletableFuture<>();
        long delayMicros = ThreadLocalRandom.current().nextLong(0, 1_500);
        if (delayMicros < 100) {
            stage.completeExceptionally(new IOException("at once"));
        } else {
            ScheduledFuture<?> unused = completer.schedule(
                    () -> stage.completeExceptionally(new IOException("later")), delayMicros, TimeUnit.MICROSECONDS);
        }
        return stage;
    }

    /** Timers in the default scheduler's queue that were scheduled for about {@code wait}. */
    private static long timersQueuedFor(Duration wait) {
        ScheduledThreadPoolExecutor scheduler = (ScheduledThreadPoolExecutor) DefaultScheduler.get();
        long max = wait.toNanos();
        long min = max - Duration.ofMinutes(10).toNanos();
        return scheduler.getQueue().stream()
                .filter(task -> task instanceof Delayed delayed
                        && delayed.getDelay(TimeUnit.NANOSECONDS) > min
                        && delayed.getDelay(TimeUnit.NANOSECONDS) <= max)
                .count();
    }
}
