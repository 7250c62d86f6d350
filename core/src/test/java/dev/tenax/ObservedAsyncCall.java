package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One {@code callAsync} of two failing attempts, stepped so that every part of it runs on a thread other than the
 * caller's, on a known thread: each attempt ends on the "client" thread (its listeners, the give-up and the
 * future's completion run there), the wait is timed on a scheduler of the test's and the second attempt starts
 * on a retry thread of the test's. At each point it records what {@code probe} (a read of the context under
 * test) sees, so a test can assert the caller's context was in place everywhere, and afterwards read the same
 * threads again to see that nothing leaked.
 */
final class ObservedAsyncCall implements AutoCloseable {
    final ExecutorService client = Executors.newSingleThreadExecutor(named("test-client"));
    final ExecutorService retries = Executors.newSingleThreadExecutor(named("test-retries"));
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(named("test-scheduler"));
    /** Point of the call, to what the probe saw there. */
    final Map<String, String> seen = new ConcurrentHashMap<>();

    private final Supplier<String> probe;
    private final CompletableFuture<String> first = new CompletableFuture<>();
    private final CompletableFuture<String> second = new CompletableFuture<>();
    private final CountDownLatch secondStarted = new CountDownLatch(1);
    private final AtomicInteger attempts = new AtomicInteger();

    ObservedAsyncCall(Supplier<String> probe) {
        this.probe = probe;
    }

    /** Two attempts, a 1 ms wait, the test's threads, and a listener that records at each of its callbacks. */
    RetryPolicy.Builder policy() {
        return RetryPolicy.on(IOException.class)
                .attempts(2)
                .waitInitial(Duration.ofMillis(1))
                .waitJitter(Duration.ZERO)
                .scheduler(scheduler)
                .executor(retries)
                .listener(new RetryListener() {
                    @Override
                    public void onRetryScheduled(RetryDetails details) {
                        record("onRetryScheduled");
                    }

                    @Override
                    public RetryScope openScope(RetryDetails details) {
                        onRetryScheduled(details);
                        record("openScope");
                        return () -> record("scopeClose");
                    }

                    @Override
                    public void onGiveUp(GiveUpDetails details) {
                        record("onGiveUp");
                    }
                });
    }

    /** Starts the call on the current thread: call it with the caller's context in place. */
    CompletableFuture<String> start(RetryPolicy policy) {
        CompletableFuture<String> call = policy.callAsync(() -> {
            if (attempts.incrementAndGet() == 1) {
                return first; // on the caller's thread
            }
            record("secondAttempt");
            secondStarted.countDown();
            return second;
        });
        // registered while the call is still pending: runs where Tenax completes the future
        CompletableFuture<String> unused = call.whenComplete((value, failure) -> record("completion"));
        return call;
    }

    /** Ends both attempts with a retryable failure, from the client thread; returns once the call completed. */
    void failBothAttempts(CompletableFuture<String> call) throws Exception {
        client.execute(() -> first.completeExceptionally(new IOException("first")));
        assertThat(Await.opened(secondStarted)).as("the second attempt started").isTrue();
        client.execute(() -> second.completeExceptionally(new IOException("second")));
        // not call.get(): a thread waiting in get() may run the future's dependent callbacks itself, and the test
        // would then see its own thread's (empty) context at "completion"
        Await.until("the completion callback", () -> seen.containsKey("completion"));
        assertThat(call).isCompletedExceptionally();
    }

    /** What {@code read} gives on each of the test's threads now (the thread-locals a task would find there). */
    Map<String, String> onEachThread(Supplier<String> read) throws Exception {
        return Map.of(
                "client", client.submit(read::get).get(30, TimeUnit.SECONDS),
                "retries", retries.submit(read::get).get(30, TimeUnit.SECONDS),
                "scheduler", scheduler.submit(read::get).get(30, TimeUnit.SECONDS));
    }

    /** Runs {@code task} on each of the test's threads, e.g. to leave a value of their own there. */
    void onEachThread(Runnable task) throws Exception {
        client.submit(task).get(30, TimeUnit.SECONDS);
        retries.submit(task).get(30, TimeUnit.SECONDS);
        scheduler.submit(task).get(30, TimeUnit.SECONDS);
    }

    private void record(String point) {
        String value = probe.get();
        seen.put(point, value == null ? "<none>" : value);
    }

    @Override
    public void close() {
        client.shutdownNow();
        retries.shutdownNow();
        scheduler.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
