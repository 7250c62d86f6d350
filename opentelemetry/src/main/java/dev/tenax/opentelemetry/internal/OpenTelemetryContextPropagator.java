package dev.tenax.opentelemetry.internal;

import dev.tenax.ContextPropagator;
import io.opentelemetry.context.Context;

/**
 * Carries OpenTelemetry's current {@link Context} (and with it the current span and baggage) from the caller's
 * thread to the threads an asynchronous call continues on.
 *
 * <p>The caller's context is made current even when it is the root context: a pooled thread may still have
 * another call's context current, and an attempt must not be traced under that one. Closing the scope gives the
 * thread back exactly the context it had before, which OpenTelemetry's own scopes guarantee as long as they are
 * closed in reverse order of opening, as Tenax does.
 */
public final class OpenTelemetryContextPropagator implements ContextPropagator {
    /** The shared instance. */
    public static final OpenTelemetryContextPropagator INSTANCE = new OpenTelemetryContextPropagator();

    private OpenTelemetryContextPropagator() {}

    @Override
    public Snapshot capture() {
        Context captured = Context.current();
        return () -> restore(captured);
    }

    @SuppressWarnings("MustBeClosedChecker") // the engine closes the returned Scope, on this thread, in LIFO order
    private static Scope restore(Context captured) {
        io.opentelemetry.context.Scope scope = captured.makeCurrent();
        return scope::close;
    }

    @Override
    public String toString() {
        return "TenaxTracing.contextPropagator()";
    }
}
