package dev.tenax;

import java.time.Duration;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link RetryListener} learns about a retry that is about to happen: the failure was judged retryable
 * and the engine is going to wait {@link #waitFor()} before attempt {@code retryNumber() + 1}.
 *
 * <p>Instances are immutable. They never carry header values, query strings or user info.
 */
public interface RetryDetails {
    /** The policy's name: the one {@link RetryPolicy.Builder#name} set, or the class and method that built it. */
    String name();

    /** Which retry this is: 1 for the first retry (the second attempt). */
    int retryNumber();

    /** How long the engine waits before the next attempt. */
    Duration waitFor();

    /** The sum of the waits before this one. */
    Duration waitedSoFar();

    /** The exception of the failed attempt, or {@code null} when the attempt failed with a response status. */
    @Nullable
    Throwable cause();

    /** The response status of the failed attempt, if it failed with one. */
    OptionalInt status();

    /**
     * A short, low-cardinality label of the failure, fit for a metric tag: the exception's class name, or
     * {@code "http_503"} for a status.
     */
    String errorType();

    /** For HTTP, the method and the URI without user info or query ({@code "GET https://host/path"}). */
    @Nullable
    String target();
}
