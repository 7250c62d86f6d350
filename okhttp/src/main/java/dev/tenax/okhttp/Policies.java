package dev.tenax.okhttp;

import dev.tenax.http.HttpRetryPolicy;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Request;

/** Which policy governs a request: a per-request tag wins, and OkHttp's call timeout caps the policy's. */
final class Policies {
    private Policies() {}

    static HttpRetryPolicy effective(HttpRetryPolicy configured, Request request, long callTimeoutNanos) {
        HttpRetryPolicy tagged = request.tag(HttpRetryPolicy.class);
        HttpRetryPolicy policy = tagged != null ? tagged : configured;
        if (callTimeoutNanos <= 0) {
            return policy;
        }
        Duration callTimeout = Duration.ofNanos(callTimeoutNanos);
        Optional<Duration> own = policy.timeout();
        if (own.isPresent() && own.get().compareTo(callTimeout) <= 0) {
            return policy;
        }
        // the call times out anyway: waiting past it would only be cut short by OkHttp's cancel
        return policy.toBuilder().timeout(callTimeout).build();
    }
}
