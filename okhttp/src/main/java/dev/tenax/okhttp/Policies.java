package dev.tenax.okhttp;

import dev.tenax.http.HttpRetryPolicy;
import okhttp3.Request;

/** Which policy governs a request: a per-request tag wins over the configured one. */
final class Policies {
    private final HttpRetryPolicy configured;

    Policies(HttpRetryPolicy configured) {
        this.configured = configured;
        OkHttpVersion.checkOnce(); // every interceptor and call factory makes one
    }

    HttpRetryPolicy configured() {
        return configured;
    }

    HttpRetryPolicy of(Request request) {
        HttpRetryPolicy tagged = request.tag(HttpRetryPolicy.class);
        return tagged != null ? tagged : configured;
    }
}
