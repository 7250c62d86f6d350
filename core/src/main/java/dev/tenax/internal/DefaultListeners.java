package dev.tenax.internal;

import dev.tenax.RetryListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The zero-configuration listeners: a log line and, when present, a JFR event ({@code jdk.jfr} is optional: a
 * jlink image may leave it out) and a Micrometer counter.
 */
final class DefaultListeners {
    private DefaultListeners() {}

    static List<RetryListener> create() {
        List<RetryListener> listeners = new ArrayList<>(3);
        listeners.add(new LoggingListener());
        if (jfrPresent()) {
            listeners.add(new JfrListener());
        }
        if (micrometerPresent()) {
            listeners.add(MicrometerListener.onGlobalRegistry());
        }
        return List.copyOf(listeners);
    }

    /**
     * Whether {@code jdk.jfr} is in the boot layer. Tenax's module requires it {@code static}: when it is there,
     * Tenax reads it (this adds the read edge should the runtime have left it out); when it is not, the JFR
     * listener, whose event class extends {@code jdk.jfr.Event}, is never loaded.
     */
    static boolean jfrPresent() {
        Optional<Module> jfr = ModuleLayer.boot().findModule("jdk.jfr");
        if (jfr.isEmpty()) {
            return false;
        }
        Module tenax = DefaultListeners.class.getModule();
        if (!tenax.canRead(jfr.get())) {
            tenax.addReads(jfr.get());
        }
        return true;
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
