package dev.tenax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PerRequestBudgetTest {

    @Test
    void grantsExactlyMaxRetriesUnderContention() throws Exception {
        PerRequestBudget budget = new PerRequestBudget(1_000, Duration.ofDays(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    int granted = 0;
                    for (int i = 0; i < 500; i++) {
                        if (budget.tryAcquireRetry("k", Duration.ofMillis(1))) {
                            granted++;
                        }
                    }
                    return granted;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                total += f.get();
            }

            assertThat(total).isEqualTo(1_000);
            assertThat(budget.retriesUsed()).isEqualTo(1_000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void waitingIsCountedInWholeMillisecondsRoundedUp() {
        PerRequestBudget budget = new PerRequestBudget(10, Duration.ofMillis(3));

        assertThat(budget.tryAcquireRetry("k", Duration.ofNanos(1))).isTrue();
        assertThat(budget.tryAcquireRetry("k", Duration.ofMillis(2))).isTrue();
        assertThat(budget.tryAcquireRetry("k", Duration.ZERO)).isTrue();
        assertThat(budget.tryAcquireRetry("k", Duration.ofNanos(1))).isFalse();
        assertThat(budget.toString()).isEqualTo("RetryBudget.perRequest(10, PT0.003S)");
    }

    @Test
    void zeroRetriesGrantsNone() {
        PerRequestBudget budget = new PerRequestBudget(0, Duration.ofDays(1));

        assertThat(budget.tryAcquireRetry("k", Duration.ZERO)).isFalse();
    }
}
