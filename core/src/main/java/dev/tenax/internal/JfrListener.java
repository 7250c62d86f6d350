package dev.tenax.internal;

import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;

/** Commits a {@code dev.tenax.Retry} JFR event per scheduled retry; costs a flag check when JFR is off. */
final class JfrListener implements RetryListener {
    @Override
    public void onRetryScheduled(RetryDetails details) {
        JfrRetryEvent event = new JfrRetryEvent();
        if (!event.isEnabled()) {
            return;
        }
        event.name = details.name();
        String target = details.target();
        event.target = target == null ? "" : target;
        event.retryNumber = details.retryNumber();
        event.waitFor = Durations.toNanos(details.waitFor());
        event.waitedSoFar = Durations.toNanos(details.waitedSoFar());
        event.errorType = details.errorType();
        event.commit();
    }
}
