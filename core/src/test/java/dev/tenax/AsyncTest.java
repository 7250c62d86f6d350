package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncTest {
    /** A scheduler that records each requested delay and runs the task at once: async waits in virtual time. */
    static final class InstantScheduler extends ScheduledThreadPoolExecutor {
        final List<Duration> delays = new CopyOnWriteArrayList<>();

        InstantScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(Duration.ofNanos(unit.toNanos(delay)));
            return super.schedule(command, 0, TimeUnit.NANOSECONDS);
        }
    }

    private final InstantScheduler scheduler = new InstantScheduler();
    private final ScheduledThreadPoolExecutor realScheduler = new ScheduledThreadPoolExecutor(1);

    AsyncTest() {
        realScheduler.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void shutdown() {
        scheduler.shutdownNow();
        realScheduler.shutdownNow();
    }

    private static CompletableFuture<String> failingTimes(AtomicInteger calls, int failures) {
        int n = calls.incrementAndGet();
        return n <= failures
                ? CompletableFuture.failedFuture(new IOException("attempt " + n + " failed"))
                : CompletableFuture.completedFuture("ok after " + n);
    }

    @Test
    void retriesAsynchronouslyUntilSuccess() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitJitter(Duration.ZERO)
                .scheduler(scheduler)
                .build();

        String result = policy.callAsync(() -> failingTimes(calls, 2)).join();

        assertThat(result).isEqualTo("ok after 3");
        assertThat(scheduler.delays).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void aFirstStageThatAlreadySucceededIsReturnedAsIs() {
        CompletableFuture<String> done = CompletableFuture.completedFuture("now");
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).scheduler(scheduler).build();

        assertThat(policy.callAsync(() -> done)).isSameAs(done);
    }

    @Test
    void aFirstStageThatSucceedsLaterIsFollowed() {
        CompletableFuture<String> later = new CompletableFuture<>();
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).scheduler(scheduler).build();

        CompletableFuture<String> result = policy.callAsync(() -> later);
        later.complete("later");

        assertThat(result).isCompletedWithValue("later");
        assertThat(scheduler.delays).isEmpty();
    }

    @Test
    void asyncExhaustionCompletesWithTheLastFailureAndSuppressedChain() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(3)
                .scheduler(scheduler)
                .build();

        CompletableFuture<String> future = policy.callAsync(() -> failingTimes(calls, 99));

        assertThat(future)
                .failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOf(IOException.class)
                .withMessage("attempt 3 failed")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
        assertThat(calls).hasValue(3);
    }

    @Test
    void aSupplierThatThrowsCountsAsAFailedAttempt() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy =
                RetryPolicy.on(IllegalStateException.class).scheduler(scheduler).build();

        String result = policy.callAsync(() -> {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("thrown, not returned");
                    }
                    return CompletableFuture.completedFuture("second");
                })
                .join();

        assertThat(result).isEqualTo("second");
    }

    @Test
    void aNonMatchingAsyncFailureCompletesAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).scheduler(scheduler).build();

        CompletableFuture<String> future =
                policy.callAsync(() -> CompletableFuture.failedFuture(new IllegalArgumentException("bad")));

        assertThat(future).failsWithin(Duration.ofSeconds(5));
        assertThat(scheduler.delays).isEmpty();
        assertThat(calls).hasValue(0);
    }

    @Test
    void cancellingDuringAWaitSendsNoFurtherAttempt() throws Exception {
        // given: a real one-minute wait after the first failure
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Void> scheduled = new CompletableFuture<>();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ofMinutes(1))
                .waitMax(Duration.ofMinutes(1))
                .timeout(Duration.ofMinutes(5))
                .scheduler(realScheduler)
                .listener(d -> scheduled.complete(null))
                .build();
        CompletableFuture<String> future = policy.callAsync(() -> failingTimes(calls, 99));
        scheduled.get(10, TimeUnit.SECONDS);

        // when
        future.cancel(true);

        // then: the pending wait is gone from the scheduler and no attempt followed
        assertThat(future).isCancelled();
        assertThat(realScheduler.getQueue()).isEmpty();
        assertThat(calls).hasValue(1);
    }

    @Test
    void cancellingCancelsTheAttemptInFlightAndStartsNoOther() {
        AtomicInteger calls = new AtomicInteger();
        List<CompletableFuture<String>> attempts = new ArrayList<>();
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).scheduler(scheduler).build();
        CompletableFuture<String> future = policy.callAsync(() -> {
            calls.incrementAndGet();
            CompletableFuture<String> pending = new CompletableFuture<>();
            attempts.add(pending);
            return pending;
        });

        future.cancel(true);

        assertThat(attempts).singleElement().satisfies(a -> assertThat(a).isCancelled());
        assertThat(calls).hasValue(1);
        assertThat(scheduler.delays).isEmpty();
    }

    @Test
    void asyncWaitsParkNoThread() throws Exception {
        // given: 1,000 calls that each fail once and then wait a real minute
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ofMinutes(1))
                .waitMax(Duration.ofMinutes(1))
                .timeout(Duration.ofMinutes(5))
                .scheduler(realScheduler)
                .build();
        int threadsBefore = Thread.activeCount();
        List<CompletableFuture<String>> futures = new ArrayList<>();

        // when
        try (Tenax.Handle quiet = silenceGlobalListeners()) {
            for (int i = 0; i < 1_000; i++) {
                futures.add(policy.callAsync(() -> CompletableFuture.failedFuture(new IOException("later"))));
            }

            // then: all 1,000 are waiting on the scheduler's queue, and threads did not grow with them
            assertThat(realScheduler.getQueue()).hasSize(1_000);
            assertThat(Thread.activeCount() - threadsBefore).isLessThanOrEqualTo(2);
            assertThat(futures).noneMatch(CompletableFuture::isDone);
            futures.forEach(f -> f.cancel(true));
        }
        assertThat(realScheduler.getQueue()).isEmpty();
    }

    @Test
    void asyncDeadlineGivesUpWithoutWaiting() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.onDecide(e -> RetryDecision.retryAfter(Duration.ofMinutes(2)))
                .timeout(Duration.ofMinutes(1))
                .scheduler(scheduler)
                .build();

        CompletableFuture<String> future = policy.callAsync(() -> failingTimes(calls, 99));

        assertThat(future).isCompletedExceptionally();
        assertThat(scheduler.delays).isEmpty();
        assertThat(calls).hasValue(1);
    }

    @Test
    void asyncUsesTheSharedSchedulerByDefault() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .build();

        assertThat(policy.callAsync(() -> failingTimes(calls, 2)).join()).isEqualTo("ok after 3");
    }

    @Test
    void aNullStageIsAFailure() {
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).scheduler(scheduler).build();

        @SuppressWarnings("NullAway") // deliberately broken supplier
        CompletableFuture<String> future = policy.callAsync(() -> null);

        assertThat(future).failsWithin(Duration.ofSeconds(5));
    }

    @Test
    void listenerScopesAreClosedBeforeTheNextAsyncAttempt() {
        AtomicInteger calls = new AtomicInteger();
        List<String> order = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .scheduler(scheduler)
                .listener(new ScopeRecorder(order))
                .build();

        policy.callAsync(() -> {
                    order.add("attempt " + (calls.get() + 1));
                    return failingTimes(calls, 2);
                })
                .join();

        assertThat(order)
                .containsExactly("attempt 1", "open 1", "close 1", "attempt 2", "open 2", "close 2", "attempt 3");
    }

    static Tenax.Handle silenceGlobalListeners() {
        List<RetryListener> previous = Tenax.listeners();
        Tenax.setListeners(List.of());
        return () -> Tenax.setListeners(previous);
    }
}
