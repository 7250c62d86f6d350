package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.internal.DefaultScheduler;
import dev.tenax.internal.FakeTiming;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 12: the wait between two async attempts with schedulers and executors of the user's: the watch that
 * notices a dropped retry is armed only where it can see something, is gone once the retry starts, ends a call
 * whose retry never starts by the deadline, and errors thrown by a scheduler or executor end the call as
 * themselves.
 */
@ResourceLock("dev.tenax.Tenax")
class WaitWatchTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final CallRecorder recorder = new CallRecorder();
    private final ThreadPoolExecutor executor =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static int tenaxQueue() {
        return ((ScheduledThreadPoolExecutor) DefaultScheduler.get()).getQueue().size();
    }

    private static CompletableFuture<String> down() {
        return CompletableFuture.failedFuture(new IOException("down"));
    }

    private RetryPolicy.Builder hourWait() {
        return RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ofHours(1))
                .waitMax(Duration.ofHours(1))
                .waitJitter(Duration.ZERO)
                .noTimeout()
                .listener(recorder);
    }

    @Test
    void aPlainExecutorWithoutADeadlineArmsNoWatchForNobodyCouldSeeItDropATask() {
        Executor plain = task -> {};
        int before = tenaxQueue();

        CompletableFuture<String> call = hourWait().executor(plain).build().callAsync(WaitWatchTest::down);

        assertThat(tenaxQueue()).as("only the wait's own timer").isEqualTo(before + 1);
        call.cancel(true);
        assertThat(tenaxQueue()).as("the timer is gone with the cancel").isEqualTo(before);
    }

    @Test
    void anExecutorServiceGetsAWatchWhileTheRetryIsPendingAndTheCancelTakesItAway() {
        int before = tenaxQueue();

        CompletableFuture<String> call = hourWait().executor(executor).build().callAsync(WaitWatchTest::down);

        assertThat(tenaxQueue()).as("the wait's timer and the watch").isEqualTo(before + 2);
        call.cancel(true);
        assertThat(tenaxQueue()).as("both gone with the cancel").isEqualTo(before);
    }

    @Test
    void aRetryThatStartsTakesItsWatchAway() throws Exception {
        int before = tenaxQueue();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ofMillis(1))
                .waitJitter(Duration.ZERO)
                .executor(executor)
                .build();
        int[] attempts = {0};

        String result = policy.callAsync(() -> ++attempts[0] == 1 ? down() : CompletableFuture.completedFuture("up"))
                .get(BOUND.toSeconds(), TimeUnit.SECONDS);

        assertThat(result).isEqualTo("up");
        assertThat(tenaxQueue()).as("no watch left behind for the next second").isEqualTo(before);
    }

    @Test
    void aRetryNeverStartedByItsExecutorEndsTheCallOnceTheDeadlineHasPassed() {
        FakeTiming clock = new FakeTiming(3);
        CountDownLatch dropped = new CountDownLatch(1);
        Executor dropsEverything = task -> dropped.countDown();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .timeout(Duration.ofSeconds(1))
                .waitInitial(Duration.ofMillis(10))
                .waitJitter(Duration.ZERO)
                .executor(dropsEverything)
                .listener(recorder)
                .timing(clock)
                .build();

        CompletableFuture<String> call = policy.callAsync(WaitWatchTest::down);
        assertThat(Await.opened(dropped)).as("the executor got the retry").isTrue();
        clock.advance(Duration.ofSeconds(3)); // well past the deadline, on the policy's clock

        assertThat(call)
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .withMessage("down")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .singleElement()
                        .isInstanceOf(RejectedExecutionException.class)
                        .extracting(Throwable::getMessage)
                        .isEqualTo("the executor had not started the retry by the deadline"));
        assertThat(recorder.awaitGiveUp().reason()).isEqualTo(GiveUpReason.DEADLINE);
    }

    @Test
    void aSchedulerThatThrowsAnErrorEndsTheCallWithThatError() {
        OutOfMemoryError exhausted = new OutOfMemoryError("no room for a timer");
        ScheduledExecutorService broken = new ScheduledThreadPoolExecutor(1) {
            @Override
            public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
                throw exhausted;
            }
        };
        try {
            CompletableFuture<String> call =
                    hourWait().scheduler(broken).build().callAsync(WaitWatchTest::down);

            assertThat(call)
                    .failsWithin(BOUND)
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isSameAs(exhausted);
        } finally {
            broken.shutdownNow();
        }
    }

    @Test
    void anExecutorThatThrowsAnErrorEndsTheCallWithThatError() {
        StackOverflowError overflow = new StackOverflowError("deep executor");
        Executor broken = task -> {
            throw overflow;
        };
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .executor(broken)
                .build();

        assertThat(policy.callAsync(WaitWatchTest::down))
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isSameAs(overflow);
    }

    @Test
    void theDroppedRetryIsNamedForWhatDroppedIt() throws Exception {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        CompletableFuture<String> waiting =
                hourWait().scheduler(scheduler).build().callAsync(WaitWatchTest::down);
        scheduler.shutdownNow();

        assertThat(waiting)
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .satisfies(e -> assertThat(e.getSuppressed())
                        .singleElement()
                        .extracting(Throwable::getMessage)
                        .isEqualTo("the scheduler was shut down during the wait before a retry"));

        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        executor.execute(() -> {
            busy.countDown();
            Await.opened(never);
        });
        assertThat(Await.opened(busy)).isTrue();
        CompletableFuture<String> queued = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .executor(executor)
                .build()
                .callAsync(WaitWatchTest::down);
        Await.until(
                "the retry queued in the executor", () -> executor.getQueue().size() == 1);
        executor.shutdownNow();

        assertThat(queued)
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .satisfies(e -> assertThat(e.getSuppressed())
                        .singleElement()
                        .extracting(Throwable::getMessage)
                        .isEqualTo("the executor was shut down before the retry started"));
    }
}
