package dev.tenax.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A response whose status says "try again" (408, 429, 500, 502, 503, 504), turned into an exception so that a
 * core {@link dev.tenax.RetryPolicy} can judge it. Carries the server's {@code Retry-After}, if it sent a valid one.
 */
final class RetryableStatusException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final @Nullable Duration retryAfter;

    RetryableStatusException(int status, @Nullable Duration retryAfter) {
        super("status " + status + (retryAfter == null ? "" : ", Retry-After " + retryAfter.toSeconds() + " s"));
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** Whether a response with {@code status} is worth retrying. */
    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Reads a {@code Retry-After} given in delay-seconds (the only form the demo server sends).
     *
     * @param header the header value, or {@code null} when absent
     * @return the wait, or {@code null} when absent, negative or not a number
     */
    static @Nullable Duration parseRetryAfter(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException | ArithmeticException notSeconds) {
            return null;
        }
    }

    /** The response status. */
    int status() {
        return status;
    }

    /** The wait the server asked for, if any. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
