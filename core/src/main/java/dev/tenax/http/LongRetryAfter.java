package dev.tenax.http;

/**
 * What a policy does when a server asks for a wait longer than its {@link HttpRetryPolicy.Builder#maxRetryAfter
 * maxRetryAfter}.
 */
public enum LongRetryAfter {
    /** Give up at once and return the response to the caller (the default): the server said "not soon". */
    GIVE_UP,
    /** Wait {@code maxRetryAfter} instead, then retry. */
    CLAMP,
    /** Ignore the hint and use the computed backoff. */
    IGNORE
}
