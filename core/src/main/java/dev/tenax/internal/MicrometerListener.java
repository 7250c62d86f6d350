package dev.tenax.internal;

import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Counts scheduled retries as {@code tenax.retries} (Prometheus: {@code tenax_retries_total}) tagged with
 * {@code name}, {@code retry_number} and {@code error_type}. Loaded only when Micrometer is on the class path.
 *
 * <p>{@code retry_number} is bucketed as {@code 1}, {@code 2}, {@code 3} and {@code 4+}: every distinct tag value
 * is a time series of its own, and Micrometer's naming guide asks for bounded tag values, while the retry number is
 * bounded only by the policy's attempts (one call allowed 2,000 retries made 2,000 series, issue 12).
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
                .tag("retry_number", retryNumberTag(details.retryNumber()))
                .tag("error_type", details.errorType())
                .register(registry)
                .increment();
    }

    /** The bucket of a retry number: {@code "1"}, {@code "2"}, {@code "3"} or {@code "4+"}. */
    static String retryNumberTag(int retryNumber) {
        return switch (retryNumber) {
            case 1 -> "1";
            case 2 -> "2";
            case 3 -> "3";
            default -> "4+";
        };
    }
}
