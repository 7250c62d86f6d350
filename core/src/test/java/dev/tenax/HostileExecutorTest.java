package dev.tenax;

import static dev.tenax.Await.BOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.internal.DefaultScheduler;
import dev.tenax.internal.FakeTiming;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for issue 12 (adversarial review), defects 7 to 10: schedulers and executors of the user's
 * that misbehave.
 *
 * <ul>
 *   <li>Defect 7: a scheduler whose futures throw from {@code cancel()}: a caller's cancel lost the give-up event
 *       and left the listeners' scope open.
 *   <li>Defect 8: a plain {@link java.util.concurrent.Executor} that drops tasks, or a scheduler whose future never
 *       completes and never runs the task: the call never ended, even with a policy timeout. The engine's watch
 *       must end it (give-up {@code DEADLINE}) about a second after the deadline.
 *   <li>Defect 9: an executor that rejects the retry: the give-up listeners and the caller's dependent stages ran
 *       on the {@code tenax-scheduler} thread, so a blocking continuation held up every other call's retries.
 *   <li>Defect 10: a busy executor started the retry after the policy's deadline; no attempt may start after it.
 * </ul>
 */
class HostileExecutorTest {
    private final CallRecorder recorder = new CallRecorder();
    private final AtomicInteger attempts = new AtomicInteger();
    private @Nullable ScheduledThreadPoolExecutor ownScheduler;

    @AfterEach
    void shutDownTheOwnScheduler() {
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
    }

    private CompletableFuture<String> failing() {
        attempts.incrementAndGet();
        return CompletableFuture.failedFuture(new IOException("down"));
    }

    /** Defect 7. */
    @Test
    void aCancelEndsTheCallEvenWhenTheSchedulersFutureThrowsFromCancel() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                return new ThrowingCancel(super.schedule(command, delay, unit));
            }
        };
        ownScheduler = scheduler;
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .noTimeout()
                .waitInitial(Duration.ofHours(1))
                .waitMax(Duration.ofHours(1))
                .scheduler(scheduler)
                .listener(recorder)
                .build();
        CompletableFuture<String> call = policy.callAsync(this::failing); // now waiting an hour on that scheduler
        assertThat(recorder.retries()).hasSize(1);

        assertThat(call.cancel(true)).isTrue();

        assertThat(recorder.awaitGiveUp().reason()).isEqualTo(GiveUpReason.CANCELLED);
        assertThat(recorder.giveUps()).hasSize(1);
        assertThat(recorder.scopeCloses()).as("the wait's scope closed once").containsExactly(1);
        assertThat(attempts).hasValue(1);
    }

    /** Defect 8: a plain executor that silently drops the retry. */
    @Test
    void aPlainExecutorThatDropsTheRetryStillEndsTheCallAfterItsDeadline() {
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .timeout(Duration.ofSeconds(1))
                .waitInitial(Duration.ofMillis(10))
                .waitJitter(Duration.ZERO)
                .executor(task -> {}) // accepts, never runs
                .listener(recorder)
                .build();

        CompletableFuture<String> call = policy.callAsync(this::failing);

        assertEndedAtTheDeadlineWithTheLastFailure(call);
    }

    /** Defect 8: a scheduler whose future is never done and never runs the task. */
    @Test
    void aSchedulerThatNeverRunsTheWaitStillEndsTheCallAfterItsDeadline() {
        ScheduledThreadPoolExecutor blackHole = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                return new NeverDone();
            }
        };
        ownScheduler = blackHole;
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .timeout(Duration.ofSeconds(1))
                .waitInitial(Duration.ofMillis(10))
                .waitJitter(Duration.ZERO)
                .scheduler(blackHole)
                .listener(recorder)
                .build();

        CompletableFuture<String> call = policy.callAsync(this::failing);

        assertEndedAtTheDeadlineWithTheLastFailure(call);
    }

    private void assertEndedAtTheDeadlineWithTheLastFailure(CompletableFuture<String> call) {
        assertThat(call)
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(IOException.class)
                .withMessage("down")
                .satisfies(e ->
                        assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(RejectedExecutionException.class));
        assertThat(recorder.awaitGiveUp().reason()).isEqualTo(GiveUpReason.DEADLINE);
        assertThat(recorder.giveUps()).hasSize(1);
        assertThat(attempts).hasValue(1);
    }

    /** Defect 9: who runs the give-up listeners and the caller's dependent stages. */
    @Test
    void aRejectedRetryEndsTheCallOffTheSchedulerThread() throws Exception {
        Thread schedulerThread =
                DefaultScheduler.get().submit(Thread::currentThread).get(30, TimeUnit.SECONDS);
        AtomicReference<@Nullable Thread> giveUpThread = new AtomicReference<>();
        RetryListener threadRecorder = new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {}

            @Override
            public void onGiveUp(GiveUpDetails details) {
                giveUpThread.set(Thread.currentThread());
            }
        };
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> call =
                rejecting().listener(threadRecorder).build().callAsync(() -> first);
        CompletableFuture<Thread> dependent = call.handle((value, failure) -> Thread.currentThread());

        first.completeExceptionally(new IOException("down")); // the retry's timer fires, the executor rejects it

        assertThat(dependent).succeedsWithin(BOUND).isNotSameAs(schedulerThread);
        assertThat(call)
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .withMessage("down")
                .satisfies(e ->
                        assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(RejectedExecutionException.class));
        assertThat(recorder.awaitGiveUp().reason()).isEqualTo(GiveUpReason.SHUTDOWN);
        assertThat(giveUpThread.get()).isNotNull().isNotSameAs(schedulerThread);
    }

    /** Defect 9: a dependent stage that blocks must not hold up another call's retry. */
    @Test
    void aBlockingDependentOfARejectedCallDelaysNoOtherCallsRetry() {
        CountDownLatch dependentRunning = new CountDownLatch(1);
        CountDownLatch otherCallDone = new CountDownLatch(1);
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> call = rejecting().build().callAsync(() -> first);
        CompletableFuture<Boolean> dependent = call.handle((value, failure) -> {
            dependentRunning.countDown();
            return Await.opened(otherCallDone); // a blocking continuation
        });
        first.completeExceptionally(new IOException("down"));
        assertThat(Await.opened(dependentRunning)).as("the dependent runs").isTrue();

        RetryPolicy other = RetryPolicy.on(IOException.class)
                .attempts(2)
                .waitInitial(Duration.ofMillis(10))
                .waitJitter(Duration.ZERO)
                .build();
        AtomicInteger otherAttempts = new AtomicInteger();
        CompletableFuture<String> otherCall = other.callAsync(() -> otherAttempts.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new IOException("once"))
                : CompletableFuture.completedFuture("other done"));

        assertThat(otherCall)
                .as("a retry timed on the scheduler")
                .succeedsWithin(BOUND)
                .isEqualTo("other done");
        otherCallDone.countDown();
        assertThat(dependent).succeedsWithin(BOUND).isEqualTo(true);
    }

    /** A policy whose executor rejects every retry. */
    private RetryPolicy.Builder rejecting() {
        return RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .executor(task -> {
                    throw new RejectedExecutionException("full");
                })
                .listener(recorder);
    }

    /**
     * Defect 10: the retry waits in a busy executor's queue until after the deadline (on a fake clock the test
     * moves, so that nothing depends on how loaded the machine is); when the executor gets to it, the attempt must
     * not start.
     */
    @Test
    void aRetryThatABusyExecutorStartsAfterTheDeadlineIsNotMade() throws Exception {
        FakeTiming clock = new FakeTiming(1);
        BlockingQueue<Runnable> busyExecutorQueue = new LinkedBlockingQueue<>();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .timeout(Duration.ofSeconds(1))
                .waitInitial(Duration.ofMillis(10))
                .waitJitter(Duration.ZERO)
                .executor(busyExecutorQueue::add)
                .timing(clock)
                .listener(recorder)
                .build();
        CompletableFuture<String> call = policy.callAsync(this::failing);
        Runnable retry = busyExecutorQueue.poll(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(retry).as("the retry handed to the executor").isNotNull();

        // past the deadline, by less than the watch's one-second grace: only the start itself can refuse
        clock.advance(Duration.ofMillis(1_500));
        retry.run();

        assertThat(call)
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .withMessage("down");
        assertThat(attempts).as("attempts started").hasValue(1);
        assertThat(recorder.awaitGiveUp().reason()).isEqualTo(GiveUpReason.DEADLINE);
        assertThat(recorder.giveUps()).hasSize(1);
    }

    /** Defect 10 in the blocking engine: a wait that ends after the deadline (a loaded machine) starts nothing. */
    @Test
    void aBlockingRetryWhoseWaitEndsAfterTheDeadlineIsNotMade() {
        FakeTiming clock = new FakeTiming(1);
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .timeout(Duration.ofSeconds(1))
                .waitInitial(Duration.ofMillis(10))
                .waitJitter(Duration.ZERO)
                .timing(clock)
                .listener(details -> clock.advance(Duration.ofMillis(1_500))) // a slow listener
                .listener(recorder)
                .build();

        assertThatThrownBy(() -> policy.run(() -> {
                    attempts.incrementAndGet();
                    throw new IOException("down");
                }))
                .isInstanceOf(IOException.class)
                .hasMessage("down");
        assertThat(attempts).as("attempts started").hasValue(1);
        assertThat(recorder.giveUps())
                .singleElement()
                .extracting(GiveUpDetails::reason)
                .isEqualTo(GiveUpReason.DEADLINE);
    }

    /** A scheduled future whose {@code cancel()} throws; everything else is the real one's. */
    private static final class ThrowingCancel implements ScheduledFuture<Object> {
        private final ScheduledFuture<?> real;

        ThrowingCancel(ScheduledFuture<?> real) {
            this.real = real;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            throw new IllegalStateException("cannot cancel");
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return real.getDelay(unit);
        }

        @Override
        public int compareTo(Delayed other) {
            return real.compareTo(other);
        }

        @Override
        public boolean isCancelled() {
            return real.isCancelled();
        }

        @Override
        public boolean isDone() {
            return real.isDone();
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }
    }

    /** A scheduled future that is never done, for a task that never runs. */
    private static final class NeverDone implements ScheduledFuture<Object> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }
    }
}
