package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryBudget;
import dev.tenax.RetryDecision;
import dev.tenax.http.HttpRetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The examples of docs/http.md. */
class HttpGuideTest {

    @Test
    void policy() {
        // region http-policy
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .attempts(5)
                .timeout(Duration.ofSeconds(10))
                .build(); // HttpRetryPolicy.defaults() == HttpRetryPolicy.builder().build()
        // endregion
        assertThat(policy.attempts()).hasValue(5);
    }

    @Test
    void attemptHeader() {
        // region http-attempt-header
        HttpRetryPolicy policy =
                HttpRetryPolicy.builder().attemptHeader("X-Retry-Attempt").build();
        // the first attempt as written; its retries: X-Retry-Attempt: 2, 3, ...
        // endregion
        assertThat(policy.attemptHeader()).contains("X-Retry-Attempt");
    }

    @Test
    void attemptTimeout() {
        // region http-attempt-timeout
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .timeout(Duration.ofSeconds(10)) // the whole call, waits included
                .attemptTimeout(Duration.ofSeconds(2)) // each attempt, through the client's own timeout
                .build();
        // endregion
        assertThat(policy.attemptTimeout()).contains(Duration.ofSeconds(2));
    }

    @Test
    void retryIf() {
        // region http-retry-if
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .retryIf(outcome ->
                        outcome.status().orElse(0) == 409 ? RetryDecision.retry() : outcome.defaultDecision())
                .build();
        // endregion
        assertThat(policy.retriesStatus(503)).isTrue();
    }

    @Test
    void budgets() {
        // region http-budgets
        HttpRetryPolicy patient = HttpRetryPolicy.builder() // one busy host: more in reserve, faster refill
                .budget(RetryBudget.tokenBucket(20, 0.25))
                .build();
        HttpRetryPolicy finagle = HttpRetryPolicy.builder() // the previous default
                .budget(RetryBudget.ratio(0.2, 10, Duration.ofSeconds(10)))
                .build();
        HttpRetryPolicy unbudgeted =
                HttpRetryPolicy.builder().budget(RetryBudget.unlimited()).build();
        // endregion
        assertThat(patient.budget()).hasToString("RetryBudget.tokenBucket(20, 0.25)");
        assertThat(finagle.budget()).isNotSameAs(unbudgeted.budget());
        assertThat(HttpRetryPolicy.defaults().budget()).hasToString("RetryBudget.tokenBucket(5, 0.2)");
    }

    @Test
    void perRequestBudget() {
        HttpRetryPolicy basePolicy = HttpRetryPolicy.defaults();
        // region http-per-request-budget
        // one user request: all its downstream calls share 3 retries and 2 s of waiting
        RetryBudget budget = RetryBudget.perRequest(3, Duration.ofSeconds(2));
        HttpRetryPolicy policy = basePolicy.toBuilder().budget(budget).build();
        // endregion
        assertThat(policy.budget()).isSameAs(budget);
    }
}
