package dev.tenax.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryBudget;
import dev.tenax.RetryBudget.Cause;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The default budget's promises, on the budget alone (it has no clock: only the order of events matters). */
class TokenBucketBudgetTest {
    private final TokenBucketBudget budget = new TokenBucketBudget(5, 0.2);

    /** One logical request whose attempts fail while {@code failing}, up to 10 attempts; returns the attempts. */
    private int request(String host, SplittableRandom random, double failureRate) {
        budget.onRequest(host);
        int attempts = 1;
        while (random.nextDouble() < failureRate) {
            if (attempts == 10 || !budget.tryAcquireRetry(host, Duration.ZERO, Cause.FAILURE)) {
                return -attempts; // failed for good
            }
            attempts++;
        }
        budget.onSuccess(host);
        return attempts;
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 60, 600, 60_000})
    void aFullOutageCostsAtMostTheCapacityWhateverTheNumberOfRequests(int requests) {
        SplittableRandom random = new SplittableRandom(1);
        long attempts = 0;
        for (int i = 0; i < requests; i++) {
            attempts += Math.abs(request("api", random, 1.0));
        }

        // no time-based allowance: a minute at 1 request/s is bounded as an hour at 1,000 is
        assertThat(attempts).isEqualTo(requests + 5L);
    }

    @Test
    void aTimeoutCostsTwoTokensAndAPacedRetryNothing() {
        assertThat(budget.tryAcquireRetry("api", Duration.ZERO, Cause.TIMEOUT)).isTrue();
        assertThat(budget.tryAcquireRetry("api", Duration.ZERO, Cause.TIMEOUT)).isTrue();
        assertThat(budget.tokens("api")).isEqualTo(1.0);
        assertThat(budget.tryAcquireRetry("api", Duration.ZERO, Cause.TIMEOUT)).isFalse();
        assertThat(budget.tryAcquireRetry("api", Duration.ZERO, Cause.FAILURE)).isTrue();
        assertThat(budget.tryAcquireRetry("api", Duration.ZERO, Cause.FAILURE)).isFalse();

        // a rate limiter's 429 with a hint is granted on an empty bucket, and takes nothing from it
        for (int i = 0; i < 50; i++) {
            assertThat(budget.tryAcquireRetry("api", Duration.ofSeconds(1), Cause.PACED))
                    .isTrue();
        }
        assertThat(budget.tokens("api")).isZero();
        assertThat(budget.pacedDebt("api")).isEqualTo(50);
    }

    @Test
    void pacedRetriesAreBoundedOnlyWhenTheLimiterStopsAdmittingThem() {
        // a burst against a limiter: paced retries interleaved with admitted requests never run out
        for (int i = 0; i < 10_000; i++) {
            assertThat(budget.tryAcquireRetry("burst", Duration.ofSeconds(1), Cause.PACED))
                    .isTrue();
            assertThat(budget.tryAcquireRetry("burst", Duration.ofSeconds(1), Cause.PACED))
                    .isTrue();
            budget.onSuccess("burst");
            budget.onSuccess("burst");
        }

        // a limiter that admits nothing more: 10 paced retries owed per token of capacity, then none
        int granted = 0;
        while (budget.tryAcquireRetry("overloaded", Duration.ofSeconds(1), Cause.PACED)) {
            granted++;
        }
        assertThat(granted).isEqualTo(50);
        // each admitted request pays for one more
        budget.onSuccess("overloaded");
        assertThat(budget.tryAcquireRetry("overloaded", Duration.ofSeconds(1), Cause.PACED))
                .isTrue();
        assertThat(budget.tryAcquireRetry("overloaded", Duration.ofSeconds(1), Cause.PACED))
                .isFalse();
        // and paced debt never touches the tokens of real failures
        assertThat(budget.tryAcquireRetry("overloaded", Duration.ZERO, Cause.FAILURE))
                .isTrue();
    }

    @Test
    void afterAnOutageOneRetryIsBackAfterFiveSuccessesAndAllAfterTwentyFive() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 100; i++) {
            request("api", random, 1.0);
        }
        assertThat(budget.tokens("api")).isZero();

        int successes = 0;
        while (!budget.tryAcquireRetry("api", Duration.ZERO, Cause.FAILURE)) {
            budget.onSuccess("api");
            successes++;
        }
        assertThat(successes).isEqualTo(5);

        for (int i = 0; i < 25; i++) {
            budget.onSuccess("api");
        }
        assertThat(budget.tokens("api")).isEqualTo(5.0);
        budget.onSuccess("api");
        assertThat(budget.tokens("api")).as("never above the capacity").isEqualTo(5.0);
    }

    @ParameterizedTest
    @CsvSource({"0.01, 0.001", "0.05, 0.005", "0.10, 0.01"})
    void sporadicFailuresAreRetriedAlmostAsWithoutABudget(double failureRate, double allowedFailedShare) {
        SplittableRandom random = new SplittableRandom(3);
        int requests = 100_000;
        int failed = 0;
        for (int i = 0; i < requests; i++) {
            if (request("api", random, failureRate) < 0) {
                failed++;
            }
        }

        // issue 14's targets (success >= 99.9 / 99.5 / 99 %); with this seed 0, 1 and 90 requests fail: only a
        // run of bad luck that spends all five tokens before successes refill them costs a request
        assertThat(failed / (double) requests).isLessThanOrEqualTo(allowedFailedShare);
    }

    @Test
    void aBrownOutIsAmplifiedByAtMostTheRefillPerSuccess() {
        SplittableRandom random = new SplittableRandom(4);
        int requests = 100_000;
        long attempts = 0;
        for (int i = 0; i < requests; i++) {
            attempts += Math.abs(request("api", random, 0.5));
        }

        // retries <= capacity + 0.2 x successful attempts (at most one per request)
        assertThat(attempts - requests).isLessThanOrEqualTo(5 + (long) (0.2 * requests));
    }

    @Test
    void hostsAreBudgetedApart() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 100; i++) {
            request("down.example", random, 1.0);
        }

        assertThat(budget.tokens("down.example")).isZero();
        assertThat(budget.tryAcquireRetry("up.example", Duration.ZERO, Cause.FAILURE))
                .isTrue();
    }

    @Test
    void eightThreadsAreGrantedExactlyTheCapacity() throws Exception {
        TokenBucketBudget shared = new TokenBucketBudget(1_000, 0.2);

        int granted =
                Concurrently.countGrants(8, 500, () -> shared.tryAcquireRetry("api", Duration.ZERO, Cause.FAILURE));

        assertThat(granted).isEqualTo(1_000);
    }

    @Test
    void manyHostsKeepMemoryBoundedAndHealthyHostsCostNothing() {
        for (int i = 0; i < 100_000; i++) {
            String host = "h" + i;
            budget.onSuccess(host); // a healthy host is never tracked
            if (i % 2 == 0) {
                budget.tryAcquireRetry(host, Duration.ZERO, Cause.FAILURE);
                budget.onSuccess(host);
                budget.onSuccess(host);
                budget.onSuccess(host);
                budget.onSuccess(host);
                budget.onSuccess(host); // full again: droppable
            }
        }

        assertThat(budget.keys()).isLessThanOrEqualTo(TokenBucketBudget.MAX_KEYS + 1);
    }

    @Test
    void pastTheKeyLimitFailingHostsShareTheOverflowBucket() {
        for (int i = 0; i < TokenBucketBudget.MAX_KEYS; i++) {
            budget.tryAcquireRetry("busy" + i, Duration.ZERO, Cause.FAILURE);
        }
        int granted = 0;
        for (int i = 0; i < 100; i++) {
            if (budget.tryAcquireRetry("new" + i, Duration.ZERO, Cause.FAILURE)) {
                granted++;
            }
        }

        assertThat(granted).isEqualTo(5);
        assertThat(budget.keys()).isEqualTo(TokenBucketBudget.MAX_KEYS + 1);
    }

    @Test
    void invalidConstantsAreRefusedNamingTheFieldTheValueAndTheRange() {
        assertThatThrownBy(() -> RetryBudget.tokenBucket(0, 0.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity must be between 1 and 1000000 (was 0)");
        assertThatThrownBy(() -> RetryBudget.tokenBucket(5, 0))
                .hasMessage("refillPerSuccess must be between 0.001 and the capacity 5 (was 0.0)");
        assertThatThrownBy(() -> RetryBudget.tokenBucket(5, Double.NaN))
                .hasMessage("refillPerSuccess must be between 0.001 and the capacity 5 (was NaN)");
        assertThatThrownBy(() -> RetryBudget.tokenBucket(5, 6)).hasMessageContaining("(was 6.0)");
        assertThat(RetryBudget.tokenBucket(5, 0.2)).hasToString("RetryBudget.tokenBucket(5, 0.2)");
    }
}
