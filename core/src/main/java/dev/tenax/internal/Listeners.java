package dev.tenax.internal;

import dev.tenax.GiveUpDetails;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.RetryScope;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The global listener list and the isolated dispatch to it: a listener (or scope) that throws anything, a checked
 * exception thrown sneakily or an {@code Error} included, is reported once per class and never breaks the call
 * that notified it, nor keeps the other listeners from being notified or their scopes from being closed.
 */
public final class Listeners {
    private static final System.Logger LOG = System.getLogger("dev.tenax");
    private static final Set<Class<?>> REPORTED = ConcurrentHashMap.newKeySet();
    private static volatile @Nullable List<RetryListener> global;

    private Listeners() {}

    public static List<RetryListener> global() {
        List<RetryListener> current = global;
        if (current == null) {
            current = DefaultListeners.create();
            global = current;
        }
        return current;
    }

    public static void setGlobal(@Nullable List<? extends RetryListener> listeners) {
        global = listeners == null ? null : List.copyOf(listeners);
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
