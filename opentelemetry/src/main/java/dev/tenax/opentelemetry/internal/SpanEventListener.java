package dev.tenax.opentelemetry.internal;

import dev.tenax.GiveUpDetails;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import io.opentelemetry.api.trace.Span;

/**
 * Adds {@code tenax.retry} and {@code tenax.giveup} events to the span current where the listener runs: the
 * caller's, on the caller's thread, and on Tenax's threads when the caller's context is propagated.
 *
 * <p>{@code onSuccess} is deliberately not overridden, so that the engine keeps a first-try success free of any
 * listener call. Stateless: one instance serves every policy.
 */
public final class SpanEventListener implements RetryListener {
    /** The shared instance. */
    public static final SpanEventListener INSTANCE = new SpanEventListener();

    static final String RETRY_EVENT = "tenax.retry";
    static final String GIVE_UP_EVENT = "tenax.giveup";

    private SpanEventListener() {}

    @Override
    public void onRetryScheduled(RetryDetails details) {
        try {
            Span span = Span.current();
            if (span.isRecording()) { // before building anything: an unsampled trace costs a thread-local read
                span.addEvent(RETRY_EVENT, EventAttributes.of(details));
            }
        } catch (RuntimeException e) { // a broken details object or SDK: losing an event beats failing the call
            EventFaults.report(RETRY_EVENT, e);
        }
    }

    @Override
    public void onGiveUp(GiveUpDetails details) {
        try {
            Span span = Span.current();
            if (span.isRecording()) {
                span.addEvent(GIVE_UP_EVENT, EventAttributes.of(details));
            }
        } catch (RuntimeException e) {
            EventFaults.report(GIVE_UP_EVENT, e);
        }
    }

    @Override
    public String toString() {
        return "TenaxTracing.listener()";
    }
}
