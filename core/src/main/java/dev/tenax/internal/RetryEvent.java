package dev.tenax.internal;

import dev.tenax.RetryDetails;
import java.time.Duration;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** The immutable {@link RetryDetails} the engine hands to listeners. */
record RetryEvent(
        String name,
        int retryNumber,
        Duration waitFor,
        Duration waitedSoFar,
        @Nullable Throwable cause,
        OptionalInt status,
        String errorType,
        @Nullable String target,
        LogSettings log)
        implements RetryDetails {
    RetryEvent(
            String name,
            int retryNumber,
            Duration waitFor,
            Duration waitedSoFar,
            @Nullable Throwable cause,
            OptionalInt status,
            String errorType,
            @Nullable String target) {
        this(name, retryNumber, waitFor, waitedSoFar, cause, status, errorType, target, LogSettings.DEFAULT);
    }
}
