package dev.tenax;

import dev.tenax.internal.ContextPropagators;
import dev.tenax.internal.Listeners;
import dev.tenax.internal.Switches;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Global switches: turn retries off, make them instant for tests, and choose the listeners every policy reports
 * to. All methods are thread-safe and take effect for calls that start afterwards; a call reads the switches
 * once, when it starts.
 *
 * <p>Each {@code setActive}/{@code setTesting} call returns a {@link Handle} for its own change. The state in
 * effect is computed from the handles still open: per switch, the last one opened wins, and
 * {@code setActive(false)} wins over testing mode. Closing a handle removes only its own change, in any order,
 * from any thread, so two threads (or two tests) that each open and close their own handles can never leave a
 * switch stuck; when every handle is closed, the defaults are back.
 *
 * <pre>{@code
 * try (Tenax.Handle ignored = Tenax.setTesting(true, 3, false)) {
 *     // every policy now makes exactly 3 attempts, without waiting and without a timeout
 * }
 * }</pre>
 */
public final class Tenax {
    private Tenax() {}

    /**
     * An open switch: closing it removes exactly the change that returned it. Handles may be closed in any order
     * and from any thread; closing twice has no further effect. While several are open, the most recently opened
     * {@code setActive} handle decides {@link #isActive()} and the most recently opened {@code setTesting} handle
     * decides testing mode; with none open, the defaults apply (active, not testing).
     */
    @FunctionalInterface
    public interface Handle extends AutoCloseable {
        /** Removes this handle's change. Never throws. */
        @Override
        void close();
    }

    /**
     * Turns all retrying on or off. When off, every call makes exactly one attempt, never waits and notifies no
     * listener; this wins over {@link #setTesting}.
     *
     * @param active {@code false} to switch retries off
     * @return a handle that removes this change
     */
    public static Handle setActive(boolean active) {
        return Switches.changeActive(active)::close;
    }

    /** Whether retrying is on (the default). */
    public static boolean isActive() {
        return Switches.current().active;
    }

    /**
     * Switches testing mode on with one attempt (or off). Same as {@code setTesting(testing, 1, false)}.
     *
     * @param testing whether testing mode is on
     * @return a handle that removes this change
     */
    public static Handle setTesting(boolean testing) {
        return setTesting(testing, 1, false);
    }

    /**
     * Switches testing mode on or off. In testing mode no call waits, timeouts and budgets are ignored, and every
     * call makes exactly {@code attempts} attempts when each fails retryably ({@code min(attempts, configured)}
     * when {@code cap} is true). Listeners still fire, with a zero wait.
     *
     * @param testing whether testing mode is on
     * @param attempts attempts per call in testing mode, {@code >= 1}
     * @param cap whether a policy's own smaller attempt limit still applies
     * @return a handle that removes this change
     * @throws IllegalArgumentException if {@code attempts < 1}
     */
    public static Handle setTesting(boolean testing, int attempts, boolean cap) {
        if (attempts < 1) {
            throw new IllegalArgumentException(
                    "attempts must be between 1 and " + Integer.MAX_VALUE + " (was " + attempts + ")");
        }
        return Switches.changeTesting(testing, attempts, cap)::close;
    }

    /** Whether testing mode is on. */
    public static boolean isTesting() {
        return Switches.current().testing;
    }

    /**
     * Replaces the listeners every policy reports to, in addition to its own. Unlike the switches, this applies
     * from the next event on, also to calls already running. {@code null} restores the defaults:
     * a {@link System.Logger} named {@code dev.tenax}, a JFR event {@code dev.tenax.Retry} and, when Micrometer is
     * on the class path, Tenax's meters on its global registry. An empty list turns them all off. Registries bound
     * with {@link dev.tenax.micrometer.TenaxMetrics#bindTo} are not part of this list and stay bound.
     *
     * @param listeners the new global listeners, or {@code null} for the defaults
     */
    public static void setListeners(@Nullable List<? extends RetryListener> listeners) {
        Listeners.setGlobal(listeners);
    }

    /**
     * The listeners every policy reports to.
     *
     * @return an unmodifiable list, never {@code null}
     */
    public static List<RetryListener> listeners() {
        return Listeners.global();
    }

    /**
     * Replaces the context propagators every policy uses, in addition to its own, for asynchronous calls that
     * start afterwards (see {@link ContextPropagator}). {@code null} restores the default: when
     * {@code io.micrometer:context-propagation} is on the class path, one propagator of every
     * {@code ThreadLocalAccessor} in its global {@code ContextRegistry}; else none. An empty list turns it off.
     *
     * <pre>{@code
     * List<ContextPropagator> propagators = new ArrayList<>(Tenax.contextPropagators());
     * propagators.add(tenantPropagator);
     * Tenax.setContextPropagators(propagators);
     * }</pre>
     *
     * @param propagators the new global propagators, or {@code null} for the default
     */
    public static void setContextPropagators(@Nullable List<? extends ContextPropagator> propagators) {
        ContextPropagators.setGlobal(propagators);
    }

    /**
     * The context propagators every policy uses.
     *
     * @return an unmodifiable list, never {@code null}
     */
    public static List<ContextPropagator> contextPropagators() {
        return ContextPropagators.global();
    }
}
