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
    void hugeWaitsAreRefusedInsteadOfOverflowing() {
        // Regression, issue 12: the rounding to milliseconds overflowed, so these waits cost nothing and were granted
        PerRequestBudget budget = new PerRequestBudget(5, Duration.ofSeconds(1));

        assertThat(budget.tryAcquireRetry("k", Duration.ofDays(1_000_000))).isFalse();
        assertThat(budget.tryAcquireRetry("k", Duration.ofNanos(Long.MAX_VALUE)))
                .isFalse();
        assertThat(budget.tryAcquireRetry("k", Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)))
                .isFalse();
        assertThat(budget.retriesUsed()).isZero();
        assertThat(budget.tryAcquireRetry("k", Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void aHugeAllowanceIsKeptAndNeverOverflowsTheCounters() {
        PerRequestBudget budget = new PerRequestBudget(3, Duration.ofDays(1_000_000));

        assertThat(budget.tryAcquireRetry("k", Duration.ofDays(150_000))).isTrue();
        assertThat(budget.tryAcquireRetry("k", Duration.ofDays(150_000)))
                .isFalse(); // at most 2^44 ms (557 years) count
        assertThat(budget.tryAcquireRetry("k", Duration.ofDays(1))).isTrue();
        assertThat(budget.retriesUsed()).isEqualTo(2);
        assertThat(budget.toString()).isEqualTo("RetryBudget.perRequest(3, PT24000000H)");
    }

    @Test
    void negativeWaitsCostNothing() {
        PerRequestBudget budget = new PerRequestBudget(2, Duration.ZERO);

        assertThat(budget.tryAcquireRetry("k", Duration.ofMillis(-5))).isTrue();
        assertThat(budget.tryAcquireRetry("k", Duration.ofSeconds(Long.MIN_VALUE)))
                .isTrue();
        assertThat(budget.tryAcquireRetry("k", Duration.ZERO)).isFalse();
    }

    @Test
    void theUnlimitedBudgetGrantsEverythingAndSaysSo() {
        assertThat(UnlimitedBudget.INSTANCE.tryAcquireRetry("k", Duration.ofSeconds(Long.MAX_VALUE)))
                .isTrue();
        assertThat(UnlimitedBudget.INSTANCE.toString()).isEqualTo("RetryBudget.unlimited()");
    }

    @Test
    void zeroRetriesGrantsNone() {
        PerRequestBudget budget = new PerRequestBudget(0, Duration.ofDays(1));

        assertThat(budget.tryAcquireRetry("k", Duration.ZERO)).isFalse();
    }
}
