package dev.tenax.opentelemetry;

import dev.tenax.ContextPropagator;
import dev.tenax.RetryListener;
import dev.tenax.opentelemetry.internal.OpenTelemetryContextPropagator;
import dev.tenax.opentelemetry.internal.SpanEventListener;

/**
 * Tenax in OpenTelemetry traces: a {@link #listener()} that records each retry and give-up as an event on the
 * current span, and a {@link #contextPropagator()} that keeps the caller's span current on the other threads an
 * asynchronous call continues on. Named after the signal it writes to, as {@code TenaxMetrics} is.
 *
 * <pre>{@code
 * Tenax.setContextPropagators(List.of(TenaxTracing.contextPropagator())); // once, at startup
 * RetryPolicy policy = RetryPolicy.on(IOException.class).listener(TenaxTracing.listener()).build();
 *
 * Span span = tracer.spanBuilder("load-user").startSpan();
 * try (Scope scope = span.makeCurrent()) {
 *     policy.call(() -> load(42)); // each retry: an event "tenax.retry" on span
 * } finally {
 *     span.end();
 * }
 * }</pre>
 *
 * <p>Both use only {@code opentelemetry-api}: with no SDK installed (or an unsampled trace) the current span does
 * not record, and the listener returns after one check, building nothing.
 */
public final class TenaxTracing {
    private TenaxTracing() {}

    /**
     * A listener that adds, to the span current where it runs, an event {@code tenax.retry} for every scheduled
     * retry and an event {@code tenax.giveup} when a call gives up. Events carry:
     *
     * <table>
     *   <caption>Event attributes</caption>
     *   <tr><th>attribute</th><th>type</th><th>on</th><th>value</th></tr>
     *   <tr><td>{@code tenax.policy}</td><td>string</td><td>both</td><td>the policy's name</td></tr>
     *   <tr><td>{@code tenax.retry_number}</td><td>long</td><td>{@code tenax.retry}</td><td>1 for the first
     *       retry</td></tr>
     *   <tr><td>{@code tenax.wait}</td><td>double</td><td>{@code tenax.retry}</td><td>the wait before the next
     *       attempt, in seconds</td></tr>
     *   <tr><td>{@code tenax.giveup.reason}</td><td>string</td><td>{@code tenax.giveup}</td><td>the
     *       {@code GiveUpReason} in lower case ({@code attempts}, {@code deadline}, …), as the Micrometer tag
     *       {@code reason}</td></tr>
     *   <tr><td>{@code tenax.attempts}</td><td>long</td><td>{@code tenax.giveup}</td><td>the attempts made</td></tr>
     *   <tr><td>{@code error.type}</td><td>string</td><td>both</td><td>the exception's class name, or
     *       {@code http_503}: Tenax's {@code errorType()}, as the Micrometer tag {@code error_type}</td></tr>
     *   <tr><td>{@code http.response.status_code}</td><td>long</td><td>both</td><td>when the attempt ended with a
     *       status</td></tr>
     * </table>
     *
     * <p>No exception message and no target: what Tenax never logs, it never records either. The listener never
     * throws; an event it cannot record is dropped and reported once per exception class. It does not override
     * {@code onSuccess}, so a call that succeeds at once calls it not at all.
     *
     * <pre>{@code
     * List<RetryListener> listeners = new ArrayList<>(Tenax.listeners()); // keep the defaults
     * listeners.add(TenaxTracing.listener());
     * Tenax.setListeners(listeners);
     * }</pre>
     *
     * @return the listener, one shared instance
     */
    public static RetryListener listener() {
        return SpanEventListener.INSTANCE;
    }

    /**
     * A propagator of OpenTelemetry's current {@code Context}: captured on the caller's thread, made current on
     * Tenax's threads around the listeners, the start of every later attempt and the completion of the call's
     * future, and closed afterwards, giving each thread back the context it had. Needed only without
     * {@code io.micrometer:context-propagation} and an accessor of OpenTelemetry's context in its registry (both
     * at once do no harm: the second makes current what already is).
     *
     * <pre>{@code
     * List<ContextPropagator> propagators = new ArrayList<>(Tenax.contextPropagators());
     * propagators.add(TenaxTracing.contextPropagator());
     * Tenax.setContextPropagators(propagators); // every policy, from the next call on
     *
     * HttpRetryPolicy one = HttpRetryPolicy.builder().contextPropagator(TenaxTracing.contextPropagator()).build();
     * }</pre>
     *
     * @return the propagator, one shared instance
     */
    public static ContextPropagator contextPropagator() {
        return OpenTelemetryContextPropagator.INSTANCE;
    }
}
