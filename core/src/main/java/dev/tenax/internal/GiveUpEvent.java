package dev.tenax.internal;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** The immutable {@link GiveUpDetails} the engine hands to listeners. */
record GiveUpEvent(
        String name,
        GiveUpReason reason,
        int attempts,
        Duration elapsed,
        @Nullable Throwable cause,
        OptionalInt status,
        String errorType,
        @Nullable String target,
        Optional<Duration> serverWait,
        LogSettings log)
        implements GiveUpDetails {
    GiveUpEvent(
            String name,
            GiveUpReason reason,
            int attempts,
            Duration elapsed,
            @Nullable Throwable cause,
            OptionalInt status,
            String errorType,
            @Nullable String target,
            Optional<Duration> serverWait) {
        this(name, reason, attempts, elapsed, cause, status, errorType, target, serverWait, LogSettings.DEFAULT);
    }
}
