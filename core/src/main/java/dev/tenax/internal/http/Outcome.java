package dev.tenax.internal.http;

import dev.tenax.RetryDecision;
import dev.tenax.http.HttpOutcome;
import dev.tenax.http.spi.HeaderLookup;
import dev.tenax.http.spi.HttpRequestInfo;
import dev.tenax.http.spi.TransportFailureKind;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** The {@link HttpOutcome} a predicate sees: a view over the request and the attempt's response or failure. */
final class Outcome implements HttpOutcome {
    private final HttpRequestInfo request;
    private final int attemptNumber;
    private final int status;
    private final HeaderLookup headers;
    private final @Nullable Throwable failure;
    private final @Nullable TransportFailureKind kind;
    private final long hint;
    private final RetryDecision defaultDecision;

    Outcome(
            HttpRequestInfo request,
            int attemptNumber,
            int status,
            HeaderLookup headers,
            @Nullable Throwable failure,
            @Nullable TransportFailureKind kind,
            long hint,
            RetryDecision defaultDecision) {
        this.request = request;
        this.attemptNumber = attemptNumber;
        this.status = status;
        this.headers = headers;
        this.failure = failure;
        this.kind = kind;
        this.hint = hint;
        this.defaultDecision = defaultDecision;
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public URI uri() {
        return request.uri();
    }

    @Override
    public Optional<String> requestHeader(String name) {
        return Optional.ofNullable(request.header(name));
    }

    @Override
    public OptionalInt status() {
        return failure == null ? OptionalInt.of(status) : OptionalInt.empty();
    }

    @Override
    public Optional<String> responseHeader(String name) {
        return Optional.ofNullable(headers.first(name));
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public boolean maybeSent() {
        return kind != TransportFailureKind.TRANSIENT_NOT_SENT;
    }

    @Override
    public int attemptNumber() {
        return attemptNumber;
    }

    @Override
    public Optional<Duration> serverHint() {
        return hint < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(hint));
    }

    @Override
    public RetryDecision defaultDecision() {
        return defaultDecision;
    }

    @Override
    public String toString() {
        return "HttpOutcome[" + Targets.describe(method(), uri()) + ", "
                + (failure == null ? "status " + status : failure.getClass().getName()) + "]";
    }
}
