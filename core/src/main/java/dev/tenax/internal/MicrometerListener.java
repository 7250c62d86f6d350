package dev.tenax.internal;

import dev.tenax.GiveUpDetails;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * The zero-configuration Micrometer listener on {@code Metrics.globalRegistry}: every Tenax meter (see
 * {@link MeterRecorder}) except {@code tenax.attempts}, which needs an event on every successful call; this
 * listener does not override {@code onSuccess}, so with the defaults a first-try success still costs nothing.
 * Loaded only when Micrometer is on the class path. A registry bound with {@code TenaxMetrics.bindTo} replaces it
 * (see {@link SupersededByBinding}).
 *
 * <p>{@code retry_number} is bucketed as {@code 1}, {@code 2}, {@code 3} and {@code 4+}: every distinct tag value
 * is a time series of its own, and Micrometer's naming guide asks for bounded tag values, while the retry number is
 * bounded only by the policy's attempts (one call allowed 2,000 retries made 2,000 series, issue 12).
 */
public final class MicrometerListener implements RetryListener, SupersededByBinding {
    private final MeterRecorder meters;

    public MicrometerListener(MeterRegistry registry) {
        this.meters = new MeterRecorder(registry, false);
    }

    static MicrometerListener onGlobalRegistry() {
        return new MicrometerListener(Metrics.globalRegistry);
    }

    @Override
    public void onRetryScheduled(RetryDetails details) {
        meters.retryScheduled(details);
    }

    @Override
    public void onGiveUp(GiveUpDetails details) {
        meters.gaveUp(details);
    }

    /** The bucket of a retry number: {@code "1"}, {@code "2"}, {@code "3"} or {@code "4+"}. */
    static String retryNumberTag(int retryNumber) {
        return MeterRecorder.retryNumberTag(retryNumber);
    }
}
