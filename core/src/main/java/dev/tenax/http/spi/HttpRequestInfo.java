package dev.tenax.http.spi;

import java.net.URI;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/** What the engine needs to know about a request. Implementations are views over the client's request. */
public interface HttpRequestInfo {
    /** The method, for example {@code "GET"}. */
    String method();

    /** The absolute request URI. */
    URI uri();

    /**
     * The first value of a request header, or {@code null}.
     *
     * @param name case-insensitive header name
     * @return the value or {@code null}
     */
    @Nullable
    String header(String name);

    /**
     * {@code scheme://host:port} of the request, the key of per-host retry budgets. The default derives it from
     * {@link #uri()}; override it when the client's own URL type gives it more cheaply.
     *
     * @return the origin, lower case
     */
    default String origin() {
        return dev.tenax.internal.http.Targets.origin(uri());
    }

    /** Whether the body (if any) can be sent again; {@code false} for one-shot or streaming bodies. */
    boolean bodyReplayable();

    /**
     * Whether the client's call was cancelled. A blocking wait looks at it at least every 10 ms and ends the call
     * at once when it turns true; the default, {@code false}, means the client has no cancel of its own.
     *
     * @return whether the call was cancelled
     */
    default boolean isCancelled() {
        return false;
    }

    /** Whether {@link #isCancelled()} is meaningful for this client; {@code false} by default. */
    default boolean cancellable() {
        return false;
    }

    /**
     * The client's own limit on the whole call, started when the call started (OkHttp's {@code call.timeout()}),
     * in nanoseconds; {@code 0} (the default) for none. The engine's deadline is the shorter of it and the
     * policy's timeout, so the client's limit is one limit on the whole call, not restarted per attempt.
     *
     * @return nanoseconds, or {@code 0}
     */
    default long callTimeoutNanos() {
        return 0;
    }

    /**
     * Where the client runs its own asynchronous work, or {@code null} (the default) when it has no executor of
     * its own. An asynchronous call whose policy names no executor starts its retries there, so that they run
     * where the client's callbacks run; otherwise on Tenax's default executor.
     *
     * @return the client's executor, or {@code null}
     */
    default @Nullable Executor clientExecutor() {
        return null;
    }
}
