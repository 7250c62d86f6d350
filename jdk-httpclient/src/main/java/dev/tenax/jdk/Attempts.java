package dev.tenax.jdk;

import dev.tenax.http.spi.HttpAttemptContext;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Shapes each attempt's request: its timeout never runs past what is left of the policy's deadline, nor past the
 * policy's attempt timeout.
 */
final class Attempts {
    private Attempts() {}

    static HttpRequest request(HttpRequest request, HttpAttemptContext attempt) {
        long left = attempt.timeoutNanos();
        if (left == Long.MAX_VALUE) {
            return request;
        }
        // a timeout must be positive; an attempt is only started while some time is left
        Duration remaining = Duration.ofNanos(Math.max(1, left));
        Optional<Duration> own = request.timeout();
        if (own.isPresent() && own.get().compareTo(remaining) <= 0) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true)
                .timeout(remaining)
                .build();
    }
}
