package dev.tenax.benchmarks.sim;

import dev.tenax.http.spi.ResponseAccess;
import org.jspecify.annotations.Nullable;

/**
 * A simulated server's answer: a status and an optional {@code Retry-After} (seconds), with no body.
 *
 * @param status the HTTP status
 * @param retryAfter the {@code Retry-After} header's value, or {@code null}
 */
public record SimResponse(int status, @Nullable String retryAfter) {
    public static final SimResponse OK = new SimResponse(200, null);
    public static final SimResponse UNAVAILABLE = new SimResponse(503, null);
    public static final SimResponse UNAVAILABLE_RETRY_AFTER_1 = new SimResponse(503, "1");
    public static final SimResponse TOO_MANY_RETRY_AFTER_1 = new SimResponse(429, "1");

    /** How the engine reads these answers: there is no body, so releasing one costs nothing. */
    public static final ResponseAccess<SimResponse> ACCESS = new ResponseAccess<>() {
        @Override
        public int status(SimResponse response) {
            return response.status();
        }

        @Override
        public @Nullable String header(SimResponse response, String name) {
            return "Retry-After".equalsIgnoreCase(name) ? response.retryAfter() : null;
        }

        @Override
        public void release(SimResponse response) {
            // no body, no connection
        }

        @Override
        public SimResponse releaseKeeping(SimResponse response) {
            return response; // nothing to drain: the answer itself can still be returned
        }
    };
}
