package dev.tenax.jdk;

import dev.tenax.http.spi.HttpAttemptContext;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Shapes each attempt's request: its timeout never runs past what is left of the policy's deadline, nor past the
 * policy's attempt timeout; and it carries the attempt's number when the policy asks for an attempt header.
 */
final class Attempts {
    private Attempts() {}

    static HttpRequest request(HttpRequest request, HttpAttemptContext attempt) {
        @Nullable Duration timeout = shorterTimeout(request, attempt);
        @Nullable String header = attempt.attemptHeader();
        if (timeout == null && header == null) {
            return request; // nothing to change: no copy on the common path
        }
        HttpRequest.Builder copy =
                HttpRequest.newBuilder(request, (name, value) -> header == null || !name.equalsIgnoreCase(header));
        if (timeout != null) {
            copy.timeout(timeout);
        }
        if (header != null) {
            copy.setHeader(header, Integer.toString(attempt.attemptNumber()));
        }
        return copy.build();
    }

    /** The attempt's time when it is shorter than the request's own timeout, else {@code null}. */
    private static @Nullable Duration shorterTimeout(HttpRequest request, HttpAttemptContext attempt) {
        long left = attempt.timeoutNanos();
        if (left == Long.MAX_VALUE) {
            return null;
        }
        // a timeout must be positive; an attempt is only started while some time is left
        Duration remaining = Duration.ofNanos(Math.max(1, left));
        Optional<Duration> own = request.timeout();
        return own.isPresent() && own.get().compareTo(remaining) <= 0 ? null : remaining;
    }
}
