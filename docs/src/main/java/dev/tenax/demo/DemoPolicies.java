package dev.tenax.demo;

import dev.tenax.RetryBudget;
import dev.tenax.RetryListener;
import dev.tenax.http.HttpRetryPolicy;
import java.time.Duration;

/**
 * The HTTP policy every Tenax client module runs the demo with: the same short waits as the core
 * {@link PollerPolicy}, so rows compare like with like. Statuses, idempotency and {@code Retry-After} are the
 * HTTP layer's defaults.
 *
 * <p>The budget is not: the demo's server fails about 45 % of requests on purpose, and the default budget (5
 * retries in reserve, one more per 5 successes) would, rightly, stop retrying into a host that fails that often.
 * A budget sized for such a host (one retry back per success) keeps the poll going while still bounding an outage
 * to 10 retries.
 */
final class DemoPolicies {
    /** One budget for all the demo's clients, kept per host as the default is. */
    private static final RetryBudget FLAKY_HOST_BUDGET = RetryBudget.tokenBucket(10, 1.0);

    private DemoPolicies() {}

    static HttpRetryPolicy http(String name, RetryListener listener) {
        return HttpRetryPolicy.builder()
                .name(name)
                .attempts(10)
                .timeout(Duration.ofSeconds(30))
                .waitInitial(Duration.ofMillis(50))
                .waitMax(Duration.ofSeconds(1))
                .waitJitter(Duration.ofMillis(100))
                .budget(FLAKY_HOST_BUDGET)
                .listener(listener)
                .build();
    }
}
