package dev.tenax.http;

import dev.tenax.RetryDecision;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one HTTP attempt ended, as an {@link HttpRetryPredicate} sees it: either a response status with its headers,
 * or a transport failure.
 */
public interface HttpOutcome {
    /** The request method, upper case. */
    String method();

    /** The request URI. */
    URI uri();

    /**
     * The first value of a request header.
     *
     * @param name case-insensitive header name
     * @return the value, or empty
     */
    Optional<String> requestHeader(String name);

    /** The response status, or empty when the attempt failed without a response. */
    OptionalInt status();

    /**
     * The first value of a response header.
     *
     * @param name case-insensitive header name
     * @return the value, or empty (always empty without a response)
     */
    Optional<String> responseHeader(String name);

    /** The transport failure, or empty when a response arrived. */
    Optional<Throwable> failure();

    /** Whether the request may have reached the server ({@code false} only for failures before sending). */
    boolean maybeSent();

    /** 1 for the first attempt. */
    int attemptNumber();

    /** The wait the server asked for ({@code Retry-After} and rate-limit headers), if any. */
    Optional<Duration> serverHint();

    /**
     * What Tenax decides by default: retry the policy's statuses (honouring a server hint) and transient
     * transport failures, stop otherwise.
     *
     * @return the default decision, never {@code null}
     */
    RetryDecision defaultDecision();
}
