package dev.tenax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PerRequestBudgetTest {

    @Test
    void grantsExactlyMaxRetriesUnderContention() throws Exception {
        PerRequestBudget budget = new PerRequestBudget(1_000, Duration.ofDays(1));
        int total = Concurrently.countGrants(8, 500, () -> budget.tryAcquireRetry("k", Duration.ofMillis(1)));

        assertThat(total).isEqualTo(1_000);
        assertThat(budget.retriesUsed()).isEqualTo(1_000);
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
