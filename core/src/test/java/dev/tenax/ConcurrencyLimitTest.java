package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A concurrency limit holds a permit per attempt, never during a wait, and queues async callers without a thread. */
class ConcurrencyLimitTest {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static long busy() {
        long x = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            x ^= x << 13;
        }
        return x;
    }

    private static RetryPolicy.Builder policy(ConcurrencyLimit limit) {
        return RetryPolicy.on(IOException.class)
                .concurrencyLimit(limit)
                .waitInitial(Duration.ZERO)
                .waitMax(Duration.ZERO)
                .waitJitter(Duration.ZERO);
    }

    private CompletableFuture<String> tracked(CompletableFuture<String> pending) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        return pending.whenComplete((v, e) -> inFlight.decrementAndGet());
    }

    @Test
    void tenAsyncCallsOnALimitOfTwoNeverHaveMoreThanTwoAttemptsInFlight() throws Exception {
        ConcurrencyLimit limit = ConcurrencyLimit.of(2);
        RetryPolicy policy = policy(limit).build();
        List<CompletableFuture<String>> attempts = new CopyOnWriteArrayList<>();
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(policy.callAsync(() -> {
                CompletableFuture<String> attempt = new CompletableFuture<>();
                attempts.add(attempt);
                return tracked(attempt);
            }));
        }
        assertThat(attempts).hasSize(2);
        assertThat(limit.queued()).isEqualTo(8);

        for (int done = 0; done < 10; done++) {
            int started = done + 1;
            await(() -> attempts.size() >= Math.min(10, started + 1) || attempts.size() == 10);
            attempts.get(done).complete("ok " + done);
        }

        for (CompletableFuture<String> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS)).startsWith("ok ");
        }
        assertThat(maxInFlight).hasValue(2);
        await(() -> limit.available() == 2);
        assertThat(limit.queued()).isZero();
    }

    @Test
    void aCallWaitingToRetryHoldsNoPermit() throws Exception {
        ConcurrencyLimit limit = ConcurrencyLimit.of(1);
        CountDownLatch waiting = new CountDownLatch(1);
        RetryPolicy slowRetry = policy(limit)
                .waitInitial(Duration.ofMinutes(1))
                .waitMax(Duration.ofMinutes(1))
                .timeout(Duration.ofMinutes(5))
                .listener(d -> waiting.countDown())
                .build();
        CompletableFuture<String> failingOnce =
                slowRetry.callAsync(() -> CompletableFuture.failedFuture(new IOException("once")));
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        await(() -> limit.available() == 1);
        String other = policy(limit).build().call(() -> "another call's attempt ran");

        assertThat(other).isEqualTo("another call's attempt ran");
        failingOnce.cancel(true);
    }

    @Test
    void cancellingAQueuedCallRemovesItAndStartsNothing() throws Exception {
        ConcurrencyLimit limit = ConcurrencyLimit.of(1);
        List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
        RetryPolicy policy = policy(limit)
                .listener(new RetryListener() {
                    @Override
                    public void onRetryScheduled(RetryDetails details) {}

                    @Override
                    public void onGiveUp(GiveUpDetails details) {
                        giveUps.add(details);
                    }
                })
                .build();
        CompletableFuture<String> holder = new CompletableFuture<>();
        CompletableFuture<String> first = policy.callAsync(() -> holder);
        AtomicBoolean queuedRan = new AtomicBoolean();
        CompletableFuture<String> queued = policy.callAsync(() -> {
            queuedRan.set(true);
            return CompletableFuture.completedFuture("should not run");
        });
        assertThat(limit.queued()).isEqualTo(1);

        queued.cancel(true);

        assertThat(limit.queued()).isZero();
        assertThatThrownBy(queued::join).isInstanceOf(CancellationException.class);
        holder.complete("first");
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        await(() -> limit.available() == 1);
        assertThat(queuedRan).isFalse();
        assertThat(giveUps).extracting(GiveUpDetails::reason).containsExactly(GiveUpReason.CANCELLED);
    }

    @Test
    void aQueuedCallWhoseDeadlinePassesFailsWithoutStarting() throws Exception {
        ConcurrencyLimit limit = ConcurrencyLimit.of(1);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            RetryPolicy policy = policy(limit)
                    .timeout(Duration.ofMillis(50))
                    .scheduler(scheduler)
                    .build();
            CompletableFuture<String> holder = new CompletableFuture<>();
            CompletableFuture<String> first = policy.callAsync(() -> holder);
            AtomicBoolean queuedRan = new AtomicBoolean();
            CompletableFuture<String> queued = policy.callAsync(() -> {
                queuedRan.set(true);
                return CompletableFuture.completedFuture("late");
            });

            assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(java.io.InterruptedIOException.class)
                    .hasMessageContaining("timeout: no permit of ConcurrencyLimit.of(1)");
            assertThat(limit.queued()).isZero();
            holder.complete("first");
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
            await(() -> limit.available() == 1);
            assertThat(queuedRan).isFalse();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aThrowingOperationGivesItsPermitBack() {
        ConcurrencyLimit limit = ConcurrencyLimit.of(1);
        RetryPolicy policy = policy(limit).attempts(3).build();

        assertThatThrownBy(() -> policy.call(() -> {
                    throw new IOException("down");
                }))
                .hasMessage("down");
        assertThatThrownBy(() -> policy.callAsync(() -> {
                            throw new IllegalStateException("broken");
                        })
                        .join())
                .hasCauseInstanceOf(IllegalStateException.class);

        assertThat(limit.available()).isEqualTo(1);
    }

    @Test
    void anAttemptThatTimesOutGivesItsPermitBack() throws Exception {
        ConcurrencyLimit limit = ConcurrencyLimit.of(1);
        RetryPolicy policy = policy(limit)
                .attempts(2)
                .attemptTimeout(Duration.ofMillis(20))
                .on(java.util.concurrent.TimeoutException.class)
                .build();
        AtomicInteger attempts = new AtomicInteger();

        CompletableFuture<String> call = policy.callAsync(() -> {
            attempts.incrementAndGet();
            return new CompletableFuture<>(); // never completes
        });

        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        assertThat(attempts).hasValue(2);
        await(() -> limit.available() == 1);
    }

    @Test
    void eightBlockingThreadsOnALimitOfThreeNeverExceedThree() throws Exception {
        ConcurrencyLimit limit = ConcurrencyLimit.of(3);
        RetryPolicy policy = policy(limit).build();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(threads.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        policy.call(() -> {
                            int now = inFlight.incrementAndGet();
                            maxInFlight.accumulateAndGet(now, Math::max);
                            busy(); // a little work while holding the permit, so that threads overlap
                            inFlight.decrementAndGet();
                            return now;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(maxInFlight.get()).isBetween(1, 3);
        assertThat(limit.available()).isEqualTo(3);
    }

    @Test
    void anInterruptWhileWaitingForAPermitStopsAtOnceAndKeepsTheFlag() throws Exception {
        ConcurrencyLimit limit = ConcurrencyLimit.of(1);
        RetryPolicy policy = policy(limit).build();
        CompletableFuture<String> holder = new CompletableFuture<>();
        CompletableFuture<String> first = policy.callAsync(() -> holder);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        AtomicBoolean ran = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                policy.call(() -> {
                    ran.set(true);
                    return "never";
                });
            } catch (Throwable t) {
                thrown.set(t);
            }
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        await(() -> limit.queued() == 1);

        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(flagKept).isTrue();
        assertThat(ran).isFalse();
        assertThat(limit.queued()).isZero();
        holder.complete("first");
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        await(() -> limit.available() == 1);
    }

    @Test
    void invalidPermitsAreRefusedNamingTheFieldTheValueAndTheRange() {
        assertThatThrownBy(() -> ConcurrencyLimit.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("permits must be between 1 and 1000000 (was 0)");
        assertThatThrownBy(() -> ConcurrencyLimit.of(1_000_001)).hasMessageContaining("(was 1000001)");
        assertThat(ConcurrencyLimit.of(4)).hasToString("ConcurrencyLimit.of(4)");
    }
}
