package dev.tenax.demo;

import dev.tenax.RetryListener;
import dev.tenax.http.HttpRetryPolicy;
import java.time.Duration;

/**
 * The HTTP policy every Tenax client module runs the demo with: the same short waits as the core
 * {@link PollerPolicy}, so rows compare like with like. Statuses, idempotency and {@code Retry-After} are the
 * HTTP layer's defaults.
 */
final class DemoPolicies {
    private DemoPolicies() {}

    static HttpRetryPolicy http(String name, RetryListener listener) {
        return HttpRetryPolicy.builder()
                .name(name)
                .attempts(10)
                .timeout(Duration.ofSeconds(30))
                .waitInitial(Duration.ofMillis(50))
                .waitMax(Duration.ofSeconds(1))
                .waitJitter(Duration.ofMillis(100))
                .listener(listener)
                .build();
    }
}
