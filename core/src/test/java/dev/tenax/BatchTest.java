package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchTest {
    private final AsyncTest.InstantScheduler scheduler = new AsyncTest.InstantScheduler();
    private final RetryPolicy policy = RetryPolicy.on(IOException.class)
            .attempts(3)
            .waitJitter(Duration.ZERO)
            .scheduler(scheduler)
            .build();

    @AfterEach
    void shutdown() {
        scheduler.shutdownNow();
    }

    @Test
    void aBatchReportsEachKeysSuccessOrLastFailure() {
        // "a" succeeds at once, "b" after one retry, "c" never
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        BatchResult<String, String> result = policy.callAllAsync(List.of("a", "b", "c"), key -> {
                    int n = calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    boolean fails = key.equals("c") || (key.equals("b") && n == 1);
                    return fails
                            ? CompletableFuture.failedFuture(new IOException(key + " attempt " + n))
                            : CompletableFuture.completedFuture(key.toUpperCase(java.util.Locale.ROOT));
                })
                .join();

        assertThat(result.successes()).containsExactly(Map.entry("a", "A"), Map.entry("b", "B"));
        assertThat(result.failures()).containsOnlyKeys("c");
        assertThat(result.failures().get("c"))
                .hasMessage("c attempt 3")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
        assertThat(result.allSucceeded()).isFalse();
        assertThat(calls.get("c")).hasValue(3);
        assertThat(result.toString()).isEqualTo("BatchResult[successes=[a, b], failures=[c]]");
    }

    @Test
    void duplicateKeysAreCalledOnce() {
        AtomicInteger calls = new AtomicInteger();

        BatchResult<Integer, Integer> result = policy.callAllAsync(List.of(1, 1, 2), key -> {
                    calls.incrementAndGet();
                    return CompletableFuture.completedFuture(key * 10);
                })
                .join();

        assertThat(calls).hasValue(2);
        assertThat(result.allSucceeded()).isTrue();
        assertThat(result)
                .isEqualTo(policy.callAllAsync(List.of(2, 1), k -> CompletableFuture.completedFuture(k * 10))
                        .join());
    }

    @Test
    void anEmptyBatchCompletesAtOnce() {
        assertThat(policy.<String, String>callAllAsync(List.of(), k -> CompletableFuture.completedFuture(k)))
                .isCompletedWithValueMatching(BatchResult::allSucceeded);
    }

    @Test
    void cancellingTheBatchCancelsEveryCall() {
        List<CompletableFuture<String>> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<BatchResult<String, String>> batch = policy.callAllAsync(List.of("x", "y"), key -> {
            CompletableFuture<String> pending = new CompletableFuture<>();
            attempts.add(pending);
            return pending;
        });

        batch.cancel(true);

        assertThat(attempts).hasSize(2).allMatch(CompletableFuture::isCancelled);
    }
}
