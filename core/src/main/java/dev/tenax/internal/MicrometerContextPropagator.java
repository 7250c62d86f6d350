package dev.tenax.internal;

import dev.tenax.ContextPropagator;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;

/**
 * Propagates every {@code ThreadLocalAccessor} of context-propagation's global registry. Loaded only when that
 * library is on the class path ({@link ContextPropagators}).
 */
final class MicrometerContextPropagator implements ContextPropagator {
    /**
     * clearMissing: a value the caller did not have is cleared while Tenax runs the call's work, so that what
     * an earlier task left on a pooled thread is not taken for the caller's context.
     */
    private final ContextSnapshotFactory factory =
            ContextSnapshotFactory.builder().clearMissing(true).build();

    @Override
    public Snapshot capture() {
        ContextSnapshot snapshot = factory.captureAll();
        return () -> snapshot.setThreadLocals()::close;
    }

    @Override
    public String toString() {
        return "MicrometerContextPropagator";
    }
}
