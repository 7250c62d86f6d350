package dev.tenax.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Replaces the system timing for the whole JVM (tests only). Like the switches, each installation is its own
 * change: the most recently installed clock still open is in effect, and removing one takes out exactly that
 * one, in any order, so closing two virtual clocks out of order can never leave one installed.
 */
public final class TimingOverride {
    private static final ReentrantLock LOCK = new ReentrantLock();
    /** Installed clocks, oldest first; guarded by {@link #LOCK}. */
    private static final List<Timing> INSTALLED = new ArrayList<>();

    private TimingOverride() {}

    /** Makes {@code timing} the system timing until {@link #remove} is called with it. */
    public static void install(Timing timing) {
        LOCK.lock();
        try {
            INSTALLED.add(timing);
            SystemTiming.override(timing);
        } finally {
            LOCK.unlock();
        }
    }

    /** Removes {@code timing} (by identity); the most recent one still installed, or real time, takes over. */
    public static void remove(Timing timing) {
        LOCK.lock();
        try {
            for (int i = INSTALLED.size() - 1; i >= 0; i--) {
                if (INSTALLED.get(i) == timing) {
                    INSTALLED.remove(i);
                    break;
                }
            }
            @Nullable Timing current = INSTALLED.isEmpty() ? null : INSTALLED.get(INSTALLED.size() - 1);
            SystemTiming.override(current);
        } finally {
            LOCK.unlock();
        }
    }
}
