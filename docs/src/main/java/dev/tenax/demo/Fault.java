package dev.tenax.demo;

import org.jspecify.annotations.Nullable;

/** What {@link FlakyServer} does to one request instead of (or before) answering it. */
enum Fault {
    /** Answers normally. */
    NONE(200, null),
    /** 503 without a hint: the client falls back to its computed backoff. */
    UNAVAILABLE(503, null),
    /** 503 that asks for an immediate retry. */
    UNAVAILABLE_RETRY_NOW(503, "0"),
    /** 429 that asks the client to wait one second. */
    RATE_LIMITED(429, "1"),
    /** 429 that asks for an immediate retry. */
    RATE_LIMITED_RETRY_NOW(429, "0"),
    /** Closes the connection without sending anything: the client sees an I/O error. */
    DROP(0, null);

    private final int status;
    private final @Nullable String retryAfter;

    Fault(int status, @Nullable String retryAfter) {
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The status sent, or 0 for {@link #DROP}. */
    int status() {
        return status;
    }

    /** The {@code Retry-After} header value sent with the status, or {@code null} for none. */
    @Nullable
    String retryAfter() {
        return retryAfter;
    }
}
