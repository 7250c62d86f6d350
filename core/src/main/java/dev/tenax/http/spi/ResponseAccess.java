package dev.tenax.http.spi;

import org.jspecify.annotations.Nullable;

/**
 * How the engine reads and releases the client's response type.
 *
 * @param <R> the client's response type
 */
public interface ResponseAccess<R> {
    /** The status code. */
    int status(R response);

    /**
     * The first value of a response header, or {@code null}.
     *
     * @param response the response
     * @param name case-insensitive header name
     * @return the value or {@code null}
     */
    @Nullable
    String header(R response, String name);

    /**
     * Releases a response that is going to be retried: reads and discards at most {@link #DRAIN_LIMIT} bytes of
     * its body (so the connection can be reused), then closes it. Must not throw.
     *
     * @param response the response to release
     */
    void release(R response);

    /** The most a release reads from a body before closing it: 8 KiB. */
    int DRAIN_LIMIT = 8 * 1024;
}
