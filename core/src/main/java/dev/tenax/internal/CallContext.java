package dev.tenax.internal;

import dev.tenax.ContextPropagator;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The caller's context for one asynchronous call: captured once, on the caller's thread, from the global
 * propagators and the policy's own, and put in place around whatever Tenax runs for the call on another thread.
 * A propagator that throws (or returns {@code null}) is reported like a listener ({@link Listeners#report}) and
 * left out; it never breaks the call. Without any propagator, capturing and restoring allocate nothing.
 */
public final class CallContext {
    static final CallContext NONE = new CallContext(new ContextPropagator.Snapshot[0]);
    private static final ContextPropagator.Scope NOTHING = () -> {};

    /** Index by index the propagators' snapshots; {@code null} where capturing failed. */
    private final ContextPropagator.@Nullable Snapshot[] snapshots;

    private CallContext(ContextPropagator.@Nullable Snapshot[] snapshots) {
        this.snapshots = snapshots;
    }

    /** Captures the current thread's context for a call of {@code spec}. Never throws. */
    public static CallContext capture(RetrySpec spec) {
        List<ContextPropagator> global = ContextPropagators.global();
        List<ContextPropagator> own = spec.contextPropagators;
        if (global.isEmpty() && own.isEmpty()) {
            return NONE;
        }
        ContextPropagator.@Nullable Snapshot[] snapshots = new ContextPropagator.Snapshot[global.size() + own.size()];
        int i = 0;
        for (ContextPropagator propagator : global) {
            snapshots[i++] = captureQuietly(propagator);
        }
        for (ContextPropagator propagator : own) {
            snapshots[i++] = captureQuietly(propagator);
        }
        return new CallContext(snapshots);
    }

    private static ContextPropagator.@Nullable Snapshot captureQuietly(ContextPropagator propagator) {
        try {
            return propagator.capture();
        } catch (Throwable e) {
            Listeners.report(propagator, e);
            return null;
        }
    }

    /**
     * Puts the captured context in place on the current thread; closing the returned scope puts back what the
     * thread had, in reverse order. Neither ever throws.
     */
    public ContextPropagator.Scope restore() {
        if (snapshots.length == 0) {
            return NOTHING;
        }
        ContextPropagator.@Nullable Scope[] scopes = new ContextPropagator.Scope[snapshots.length];
        for (int i = 0; i < snapshots.length; i++) {
            ContextPropagator.Snapshot snapshot = snapshots[i];
            if (snapshot != null) {
                try {
                    scopes[i] = snapshot.restore();
                } catch (Throwable e) {
                    Listeners.report(snapshot, e);
                }
            }
        }
        return () -> closeAll(scopes);
    }

    private static void closeAll(ContextPropagator.@Nullable Scope[] scopes) {
        for (int i = scopes.length - 1; i >= 0; i--) {
            ContextPropagator.Scope scope = scopes[i];
            if (scope != null) {
                try {
                    scope.close();
                } catch (Throwable e) {
                    Listeners.report(scope, e);
                }
            }
        }
    }

    /** {@code start}, run inside this context wherever it runs. */
    public <T extends @Nullable Object> Supplier<T> around(Supplier<T> start) {
        if (snapshots.length == 0) {
            return start;
        }
        return () -> {
            try (ContextPropagator.Scope restored = restore()) {
                return start.get();
            }
        };
    }
}
