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

    /**
     * Releases a response that is going to be retried, as {@link #release} does, and returns a copy the caller
     * can still be given should the call end before another attempt (the deadline passes during the wait): the
     * same status and headers, with the body if all of it was drained, else an empty body. Bounded like
     * {@link #release}: it reads only what arrives within {@link #DRAIN_WINDOW_MILLIS}, at most
     * {@link #DRAIN_LIMIT} bytes, then abandons the rest (the connection is closed). Must not throw.
     *
     * <p>The default releases and keeps nothing ({@code null}): the engine then sends one more attempt rather than
     * invent an outcome.
     *
     * @param response the response to release
     * @return the kept copy, or {@code null}
     */
    default @Nullable R releaseKeeping(R response) {
        release(response);
        return null;
    }

    /** The longest a release waits for more of a retried body before abandoning it: 5 ms. */
    long DRAIN_WINDOW_MILLIS = 5;

    /** The most a release reads from a body before closing it: 8 KiB. */
    int DRAIN_LIMIT = 8 * 1024;
}
