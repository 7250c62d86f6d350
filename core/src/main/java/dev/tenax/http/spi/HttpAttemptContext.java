package dev.tenax.http.spi;

import org.jspecify.annotations.Nullable;

/** What an adapter's attempt may ask the engine while it runs. */
public interface HttpAttemptContext {
    /** Time left before the policy's deadline, in nanoseconds; {@link Long#MAX_VALUE} when there is none. */
    long remainingNanos();

    /**
     * The most this attempt may take: the time left before the deadline, and at most the policy's
     * {@code attemptTimeout}; {@link Long#MAX_VALUE} when neither limits it. An adapter passes it to its client's
     * own per-call timeout, so that expiry is the client's own timeout exception.
     *
     * @return nanoseconds, {@code >= 0}
     */
    default long timeoutNanos() {
        return remainingNanos();
    }

    /** 1 for the first attempt. */
    int attemptNumber();

    /**
     * The name of the request header that should carry {@link #attemptNumber()} on this attempt's request (set,
     * replacing one of that name), or {@code null} when the policy sends none or this is the first attempt.
     *
     * @return a valid HTTP field name, or {@code null}
     */
    default @Nullable String attemptHeader() {
        return null;
    }

    /**
     * For adapters that must choose how to read the body when the headers arrive (the JDK client): decides now
     * whether a response with this status and these headers will be retried. When this returns {@code true} the
     * engine has committed to the retry, and the adapter should discard the body; otherwise it should hand the
     * response to the caller's body handler. The engine then keeps to this decision when the attempt completes.
     *
     * @param status the response status
     * @param headers the first value of a header by (case-insensitive) name, or {@code null}
     * @return whether the response will be retried
     */
    boolean retryOnHeaders(int status, HeaderLookup headers);
}
