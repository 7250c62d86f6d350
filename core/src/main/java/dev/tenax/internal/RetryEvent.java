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
        @Nullable String target)
        implements RetryDetails {}
