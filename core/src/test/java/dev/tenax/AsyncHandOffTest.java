package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for issue 12, defects 2c, 2d and 13: a future completes whatever the scheduler or executor
 * does, a cancel racing with a listener's scope leaks nothing, and user code never runs on the scheduler thread.
 */
class AsyncHandOffTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
    private final RetryListener recorder = new RecordingListener(List.of(), giveUps);

    private static CompletableFuture<String> failed(String message) {
        return CompletableFuture.failedFuture(new IOException(message));
    }

    @Test
    void aSchedulerShutDownDuringTheWaitStillCompletesTheCallWithTheLastFailure() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        CountDownLatch scheduled = new CountDownLatch(1);
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ofSeconds(2))
                .waitMax(Duration.ofSeconds(2))
                .waitJitter(Duration.ZERO)
                .scheduler(scheduler)
                .listener(recorder)
                .listener(details -> scheduled.countDown())
                .build();

        CompletableFuture<String> call = policy.callAsync(() -> failed("down"));
        awaitQuietly(scheduled);
        List<Runnable> dropped = scheduler.shutdownNow();

        assertThat(call)
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(IOException.class)
                .withMessage("down")
                .satisfies(e ->
                        assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(RejectedExecutionException.class));
        assertThat(dropped)
                .as("the wait was queued when the scheduler went down")
                .isNotEmpty();
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.SHUTDOWN);
    }

    @Test
    void aSchedulerAlreadyShutDownEndsTheCallAtOnce() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        scheduler.shutdown();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .scheduler(scheduler)
                .listener(recorder)
                .build();

        assertThat(policy.callAsync(() -> failed("down")))
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .withMessage("down")
                .satisfies(e ->
                        assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(RejectedExecutionException.class));
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.SHUTDOWN);
    }

    @Test
    void anExecutorShutDownWithTheRetryQueuedStillCompletesTheCall() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        CountDownLatch blockerRunning = new CountDownLatch(1);
        CountDownLatch neverReleased = new CountDownLatch(1);
        executor.execute(() -> {
            blockerRunning.countDown();
            awaitQuietly(neverReleased); // holds the only thread: the retry stays queued
        });
        blockerRunning.await(BOUND.toSeconds(), TimeUnit.SECONDS);
        CountDownLatch retryScheduled = new CountDownLatch(1);
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .executor(executor)
                .listener(recorder)
                .listener(details -> retryScheduled.countDown())
                .build();

        CompletableFuture<String> call = policy.callAsync(() -> failed("down"));
        awaitQuietly(retryScheduled);
        executor.shutdownNow(); // interrupts the blocker and drops the queued retry

        assertThat(call)
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .withMessage("down")
                .satisfies(e ->
                        assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(RejectedExecutionException.class));
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.SHUTDOWN);
    }

    @Test
    void aCancelWhileAListenerOpensItsScopeClosesThatScopeExactlyOnce() throws Exception {
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        CountDownLatch closedOnce = new CountDownLatch(1);
        RetryListener slowScope = new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {}

            @Override
            public RetryScope openScope(RetryDetails details) {
                opened.incrementAndGet();
                opening.countDown();
                awaitQuietly(cancelled);
                return () -> {
                    closed.incrementAndGet();
                    closedOnce.countDown();
                };
            }
        };
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .listener(slowScope)
                .listener(recorder)
                .build();
        CompletableFuture<String> first = new CompletableFuture<>();
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> call = policy.callAsync(() -> attempts.incrementAndGet() == 1 ? first : failed("2"));
        Thread failer = new Thread(() -> first.completeExceptionally(new IOException("1")));
        failer.start();

        opening.await(BOUND.toSeconds(), TimeUnit.SECONDS);
        call.cancel(true);
        cancelled.countDown();
        closedOnce.await(BOUND.toSeconds(), TimeUnit.SECONDS);
        failer.join(BOUND.toMillis());
        awaitGiveUp();

        assertThat(opened).hasValue(1);
        assertThat(closed).hasValue(1);
        assertThat(attempts).as("no attempt after the cancel").hasValue(1);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.CANCELLED);
    }

    @Test
    void aRetryNeverStartsOnTheSchedulerThreadAndABlockedOperationDelaysNoOtherCall() throws Exception {
        Semaphore permits = new Semaphore(0); // the blocking call's second attempt waits for a permit
        AtomicReference<String> retryThread = new AtomicReference<>();
        AtomicInteger blockingAttempts = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ofMillis(10))
                .waitJitter(Duration.ZERO)
                .build();

        CompletableFuture<String> blocked = policy.callAsync(() -> {
            if (blockingAttempts.incrementAndGet() == 1) {
                return failed("first");
            }
            retryThread.set(Thread.currentThread().getName());
            permits.acquireUninterruptibly(); // blocks before returning its stage, as a concurrency limit does
            return CompletableFuture.completedFuture("blocked call done");
        });
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (blockingAttempts.get() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the second attempt starts after the 10 ms wait, then blocks
        }
        assertThat(blockingAttempts).hasValue(2);
        AtomicInteger otherAttempts = new AtomicInteger();
        CompletableFuture<String> other = policy.callAsync(() ->
                otherAttempts.incrementAndGet() == 1 ? failed("x") : CompletableFuture.completedFuture("other done"));

        assertThat(other).succeedsWithin(BOUND).isEqualTo("other done");
        assertThat(blocked).as("still blocked while the other call retried").isNotDone();
        permits.release();
        assertThat(blocked).succeedsWithin(BOUND).isEqualTo("blocked call done");
        assertThat(retryThread.get()).isNotEqualTo("tenax-scheduler");
    }

    @Test
    void aStageThatRefusesCallbacksStillEndsTheCall() {
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).listener(recorder).build();
        CompletableFuture<String> hostile = new CompletableFuture<>() {
            @Override
            public CompletableFuture<String> whenComplete(
                    java.util.function.BiConsumer<? super String, ? super Throwable> action) {
                throw new UnsupportedOperationException("no callbacks here");
            }
        };

        assertThat(policy.callAsync(() -> hostile))
                .failsWithin(BOUND)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private void awaitGiveUp() throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (giveUps.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
