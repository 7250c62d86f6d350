package dev.tenax.internal.http;

import dev.tenax.http.spi.HttpRequestInfo;
import java.util.Locale;
import java.util.Set;

/** Which requests may be sent again after they may have reached the server (RFC 9110 §9.2.2). */
final class Idempotency {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

    private Idempotency() {}

    static boolean mayResend(HttpRequestInfo request, boolean retryNonIdempotent) {
        if (retryNonIdempotent || IDEMPOTENT.contains(request.method().toUpperCase(Locale.ROOT))) {
            return true;
        }
        String key = request.header("Idempotency-Key");
        return key != null && !key.isBlank();
    }
}
