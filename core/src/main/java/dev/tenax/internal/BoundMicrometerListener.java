package dev.tenax.internal;

import dev.tenax.GiveUpDetails;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.SuccessDetails;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The listener of {@code TenaxMetrics}: every Tenax meter (see {@link MeterRecorder}) into a registry the
 * application chose, {@code tenax.attempts} included, which is why it overrides {@code onSuccess} (and so makes
 * every success of the policies it listens to build a {@code SuccessDetails}). Loaded only when Micrometer is on
 * the class path.
 */
public final class BoundMicrometerListener implements RetryListener {
    private final MeterRecorder meters;

    public BoundMicrometerListener(MeterRegistry registry) {
        this.meters = new MeterRecorder(registry, true);
    }

    @Override
    public void onRetryScheduled(RetryDetails details) {
        meters.retryScheduled(details);
    }

    @Override
    public void onGiveUp(GiveUpDetails details) {
        meters.gaveUp(details);
    }

    @Override
    public void onSuccess(SuccessDetails details) {
        meters.succeeded(details);
    }
}
