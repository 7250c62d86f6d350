package dev.tenax.internal;

import dev.tenax.GiveUpDetails;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.RetryScope;
import dev.tenax.SuccessDetails;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The global listener list (what {@code Tenax.setListeners} set, plus the listeners bound with {@link #bind}) and
 * the isolated dispatch to it: a listener (or scope) that throws anything, a checked
 * exception thrown sneakily or an {@code Error} included, is reported once per class and never breaks the call
 * that notified it, nor keeps the other listeners from being notified or their scopes from being closed.
 */
public final class Listeners {
    private static final System.Logger LOG = System.getLogger("dev.tenax");
    private static final Set<Class<?>> REPORTED = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();

    /** What {@code Tenax.setListeners} set; {@code null}: the defaults. Guarded by {@link #LOCK}. */
    private static @Nullable List<RetryListener> base;

    /** Listeners bound with {@link #bind} and not yet unbound, in binding order. Guarded by {@link #LOCK}. */
    private static List<RetryListener> bound = List.of();

    /** The list in effect, computed from {@link #base} and {@link #bound}; {@code null} until first needed. */
    private static volatile @Nullable Snapshot current;

    private Listeners() {}

    /**
     * The global listeners in effect and whether any of them overrides {@code onSuccess}, computed once per
     * change so that a call that succeeds at once reads one field instead of iterating the list.
     */
    private record Snapshot(List<RetryListener> all, boolean onSuccess) {}

    public static List<RetryListener> global() {
        return snapshot().all();
    }

    public static void setGlobal(@Nullable List<? extends RetryListener> listeners) {
        synchronized (LOCK) {
            if (listeners == null) {
                base = null;
            } else {
                // a list read from Tenax.listeners() includes the bound listeners: they stay bound, not doubled
                List<RetryListener> own = new ArrayList<>(listeners.size());
                for (RetryListener l : listeners) {
                    if (!containsSame(bound, Objects.requireNonNull(l, "listeners must not contain null"))) {
                        own.add(l);
                    }
                }
                // while bound, Tenax.listeners() hides the superseded defaults: a list built from it (it holds
                // every listener that view showed) must not drop them for good, or closing the last binding could
                // not bring the global-registry meters back; a list made from scratch means what it says
                if (!bound.isEmpty() && holdsTheVisibleBase(own)) {
                    for (RetryListener hidden : base != null ? base : DefaultListeners.create()) {
                        if (hidden instanceof SupersededByBinding && !containsSame(own, hidden)) {
                            own.add(hidden);
                        }
                    }
                }
                base = List.copyOf(own);
            }
            current = compute();
        }
    }

    /**
     * Adds {@code listener} to the global listeners until the returned handle is closed, whatever
     * {@code Tenax.setListeners} sets meanwhile. While any listener is bound, the defaults' own Micrometer
     * listener (on the global registry) is left out, so that a registry that is also in the global composite does
     * not count every event twice.
     *
     * @return unbinds {@code listener}; running it again has no further effect
     */
    public static Runnable bind(RetryListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (LOCK) {
            List<RetryListener> more = new ArrayList<>(bound);
            more.add(listener);
            bound = List.copyOf(more);
            current = compute();
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                unbind(listener);
            }
        };
    }

    private static void unbind(RetryListener listener) {
        synchronized (LOCK) {
            List<RetryListener> fewer = new ArrayList<>(bound);
            for (int i = 0; i < fewer.size(); i++) {
                if (fewer.get(i) == listener) { // by identity: one handle removes its own binding only
                    fewer.remove(i);
                    break;
                }
            }
            bound = List.copyOf(fewer);
            current = compute();
        }
    }

    private static Snapshot snapshot() {
        Snapshot s = current;
        if (s == null) {
            synchronized (LOCK) {
                s = current;
                if (s == null) {
                    s = compute();
                    current = s;
                }
            }
        }
        return s;
    }

    /** Whether {@code own} holds every listener of the current view that is not a bound one. */
    private static boolean holdsTheVisibleBase(List<RetryListener> own) {
        Snapshot view = current;
        if (view == null) {
            return false;
        }
        for (RetryListener l : view.all()) {
            if (!containsSame(bound, l) && !containsSame(own, l)) {
                return false;
            }
        }
        return true;
    }

    /** The list in effect: the base (or the defaults), less what a binding supersedes, then the bound. */
    private static Snapshot compute() {
        List<RetryListener> start = base != null ? base : DefaultListeners.create();
        List<RetryListener> all = new ArrayList<>(start.size() + bound.size());
        for (RetryListener l : start) {
            if (bound.isEmpty() || !(l instanceof SupersededByBinding)) {
                all.add(l);
            }
        }
        for (RetryListener l : bound) {
            if (!containsSame(all, l)) {
                all.add(l);
            }
        }
        return new Snapshot(List.copyOf(all), anyOnSuccess(all));
    }

    private static boolean containsSame(List<RetryListener> list, RetryListener listener) {
        for (RetryListener l : list) {
            if (l == listener) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of {@code listeners} overrides {@link RetryListener#onSuccess}; computed once per list. */
    static boolean anyOnSuccess(List<RetryListener> listeners) {
        for (RetryListener l : listeners) {
            if (overridesOnSuccess(l)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code listener}'s class overrides {@link RetryListener#onSuccess} (a lambda never does). If that
     * cannot be told, it is assumed to: a success event too many is only work, one too few a lost metric.
     */
    static boolean overridesOnSuccess(RetryListener listener) {
        try {
            return listener.getClass()
                            .getMethod("onSuccess", SuccessDetails.class)
                            .getDeclaringClass()
                    != RetryListener.class;
        } catch (NoSuchMethodException | RuntimeException | LinkageError unknown) {
            return true;
        }
    }

    /**
     * Whether a success of a call under {@code spec} must be told to anyone: one field of the policy and one of
     * the global list, no iteration, no allocation.
     */
    static boolean wantSuccess(RetrySpec spec) {
        return spec.listenersOnSuccess || snapshot().onSuccess();
    }

    /** Notifies every listener (global first, then the policy's own) of a call that succeeded. */
    static void succeeded(List<RetryListener> own, SuccessDetails details) {
        notifySuccess(global(), details);
        notifySuccess(own, details);
    }

    private static void notifySuccess(List<RetryListener> listeners, SuccessDetails details) {
        for (RetryListener listener : listeners) {
            try {
                listener.onSuccess(details);
            } catch (Throwable e) {
                report(listener, e);
            }
        }
    }

    /** Notifies every listener of a scheduled retry; returns the scopes they opened, to close before the next attempt. */
    static @Nullable RetryScope retryScheduled(List<RetryListener> own, RetryDetails details) {
        @Nullable RetryScope scopes = null;
        scopes = open(global(), details, scopes);
        return open(own, details, scopes);
    }

    static void gaveUp(List<RetryListener> own, GiveUpDetails details) {
        notifyGiveUp(global(), details);
        notifyGiveUp(own, details);
    }

    /** Closes a scope without letting its failure escape. */
    static void close(@Nullable RetryScope scope) {
        if (scope == null) {
            return;
        }
        try {
            scope.close();
        } catch (Throwable e) {
            report(scope, e);
        }
    }

    private static @Nullable RetryScope open(
            List<RetryListener> listeners, RetryDetails details, @Nullable RetryScope scopes) {
        for (RetryListener listener : listeners) {
            try {
                RetryScope scope = listener.openScope(details);
                if (scope != null) {
                    scopes = scopes == null ? scope : combine(scopes, scope);
                }
            } catch (Throwable e) {
                // the scopes opened so far are kept: they are closed like any other
                report(listener, e);
            }
        }
        return scopes;
    }

    private static RetryScope combine(RetryScope first, RetryScope second) {
        List<RetryScope> all = new ArrayList<>(2);
        all.add(first);
        all.add(second);
        // closed in reverse order of opening, like nested try-with-resources
        return () -> {
            for (int i = all.size() - 1; i >= 0; i--) {
                close(all.get(i));
            }
        };
    }

    private static void notifyGiveUp(List<RetryListener> listeners, GiveUpDetails details) {
        for (RetryListener listener : listeners) {
            try {
                listener.onGiveUp(details);
            } catch (Throwable e) {
                report(listener, e);
            }
        }
    }

    /**
     * Logs a fault of user code (a listener, scope, rule or budget) once per class of {@code culprit}; never
     * throws, so that the call it happened in still ends as it should.
     */
    static void report(Object culprit, Throwable e) {
        try {
            if (REPORTED.add(culprit.getClass())) {
                LOG.log(
                        Level.WARNING,
                        "tenax.callback_failed source=" + culprit.getClass().getName()
                                + " (further failures of this class are not logged)",
                        e);
            }
        } catch (Throwable loggingFailed) {
            // a broken logger must not break the call either
        }
    }
}
