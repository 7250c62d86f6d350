package dev.tenax.internal;

import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Counts scheduled retries as {@code tenax.retries} (Prometheus: {@code tenax_retries_total}) tagged with
 * {@code name}, {@code retry_number} and {@code error_type}. Loaded only when Micrometer is on the class path.
 */
public final class MicrometerListener implements RetryListener {
    private final MeterRegistry registry;

    public MicrometerListener(MeterRegistry registry) {
        this.registry = registry;
    }

    static MicrometerListener onGlobalRegistry() {
        return new MicrometerListener(Metrics.globalRegistry);
    }

    @Override
    public void onRetryScheduled(RetryDetails details) {
        Counter.builder("tenax.retries")
                .description("Retries scheduled by Tenax")
                .tag("name", details.name())
                .tag("retry_number", Integer.toString(details.retryNumber()))
                .tag("error_type", details.errorType())
                .register(registry)
                .increment();
    }
}
