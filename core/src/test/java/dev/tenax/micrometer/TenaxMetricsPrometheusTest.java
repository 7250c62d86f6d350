package dev.tenax.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryBudget;
import dev.tenax.RetryPolicy;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The names Prometheus scrapes, as documented in docs/instrumentation.md. */
class TenaxMetricsPrometheusTest {
    @Test
    void theExpositionNamesAreTheDocumentedOnes() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RetryPolicy.Builder builder = RetryPolicy.on(IOException.class)
                .attempts(3)
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .listener(TenaxMetrics.listener(registry));
        RetryPolicy policy = builder.name("prom").build();
        RetryPolicy refused = builder.name("prom-budget")
                .budget(new RetryBudget() {
                    @Override
                    public void onRequest(String key) {}

                    @Override
                    public boolean tryAcquireRetry(String key, Duration wait) {
                        return false; // refuses every retry
                    }
                })
                .build();

        AtomicInteger calls = new AtomicInteger();
        policy.call(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("down");
            }
            return "ok";
        });
        assertThatThrownBy(() -> refused.call(() -> {
                    throw new IOException("down");
                }))
                .isInstanceOf(IOException.class);

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("tenax_retries_total{error_type=\"java.io.IOException\",name=\"prom\",retry_number=\"1\"} 1")
                .contains("tenax_giveups_total{name=\"prom-budget\",reason=\"budget\"} 1")
                .contains("tenax_attempts_count{name=\"prom\",outcome=\"success\"} 1")
                .contains("tenax_attempts_sum{name=\"prom\",outcome=\"success\"} 2")
                .contains("tenax_attempts_bucket{name=\"prom\",outcome=\"success\",le=\"2.0\"} 1")
                .contains("tenax_attempts_bucket{name=\"prom\",outcome=\"success\",le=\"1.0\"} 0")
                .contains("tenax_wait_seconds_count{name=\"prom\"} 1")
                .contains("tenax_wait_seconds_sum{name=\"prom\"}")
                .contains("tenax_budget_refused_total{name=\"prom-budget\"} 1")
                .contains("# TYPE tenax_attempts histogram");
    }
}
