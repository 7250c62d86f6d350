package dev.tenax.internal;

import org.jspecify.annotations.Nullable;

/** Replaces the system timing for the whole JVM (tests only); returns what it replaced. */
public final class TimingOverride {
    private TimingOverride() {}

    public static @Nullable Timing install(@Nullable Timing timing) {
        return SystemTiming.override(timing);
    }
}
