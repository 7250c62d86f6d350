package dev.tenax.internal;

import dev.tenax.RetryListener;
import java.util.ArrayList;
import java.util.List;

/** The zero-configuration listeners: a log line, a JFR event and, when Micrometer is present, a counter. */
final class DefaultListeners {
    private DefaultListeners() {}

    static List<RetryListener> create() {
        List<RetryListener> listeners = new ArrayList<>(3);
        listeners.add(new LoggingListener());
        listeners.add(new JfrListener());
        if (micrometerPresent()) {
            listeners.add(MicrometerListener.onGlobalRegistry());
        }
        return List.copyOf(listeners);
    }

    private static boolean micrometerPresent() {
        try {
            Class.forName("io.micrometer.core.instrument.Metrics", false, DefaultListeners.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
