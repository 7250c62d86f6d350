package dev.tenax.opentelemetry.internal;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports an event that could not be recorded, once per event and exception class, so that a fault on every call
 * does not flood the log. Only the exception's class is logged: its message may carry what Tenax never logs.
 */
final class EventFaults {
    private static final System.Logger LOG = System.getLogger("dev.tenax.opentelemetry");
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private EventFaults() {}

    static void report(String event, RuntimeException fault) {
        String cause = fault.getClass().getName();
        if (REPORTED.add(event + ' ' + cause)) {
            LOG.log(Level.WARNING, "tenax.event_failed event={0} cause={1}", event, cause);
        }
    }
}
