package dev.tenax.internal;

import dev.tenax.ContextPropagator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The global context propagators: by default Micrometer's context-propagation registry when it is on the class
 * path (detected once), else none.
 */
public final class ContextPropagators {
    private static final List<ContextPropagator> DEFAULTS = defaults();
    private static volatile List<ContextPropagator> global = DEFAULTS;

    private ContextPropagators() {}

    public static List<ContextPropagator> global() {
        return global;
    }

    /** Replaces the global propagators; {@code null} restores the defaults. */
    public static void setGlobal(@Nullable List<? extends ContextPropagator> propagators) {
        global = propagators == null ? DEFAULTS : List.copyOf(propagators);
    }

    private static List<ContextPropagator> defaults() {
        return contextPropagationPresent() ? List.of(new MicrometerContextPropagator()) : List.of();
    }

    private static boolean contextPropagationPresent() {
        try {
            Class.forName(
                    "io.micrometer.context.ContextSnapshotFactory", false, ContextPropagators.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
