package dev.tenax.internal;

import dev.tenax.RetryContext;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Says what each attempt's outcome means and knows how to dispose of a result that will be retried. The core
 * policy judges exceptions only; the HTTP layer also judges responses and releases their connections.
 *
 * @param <T> the attempt's result type
 */
public interface Judge<T extends @Nullable Object> {
    /**
     * Judges a result: {@link Verdict#ACCEPT} returns it to the caller. May run user code, which may throw: the
     * engine contains that.
     */
    Verdict judgeResult(T result, RetryContext call);

    /**
     * Judges a failure; never {@link Verdict#ACCEPT}. May run user code, which may throw: the engine contains
     * that. Fatal errors and interrupts never reach a judge.
     */
    Verdict judgeFailure(Throwable failure, RetryContext call);

    /**
     * Releases a result that is going to be retried (for HTTP: drain a little and close), and returns what the
     * caller may still receive in its place should the call end before another attempt (the deadline passed
     * during the wait): the result itself when releasing is a no-op, a kept copy, or {@code null} when nothing
     * usable is left.
     */
    default @Nullable T release(T result) {
        return result;
    }

    /**
     * Whether {@link #release} makes a result unusable (an HTTP response whose connection went back to the pool),
     * so that a released result can no longer be the call's outcome.
     */
    default boolean releasesResults() {
        return false;
    }

    /**
     * Whether the client bounds each attempt itself (an HTTP adapter passes the attempt's time to its client's own
     * timeout), so that the engine does not time attempts out on its own.
     */
    default boolean clientTimesAttempts() {
        return false;
    }

    /**
     * The client's own limit on the whole call (OkHttp's call timeout), which the engine combines with the
     * policy's timeout: the shorter one is the call's deadline. {@code -1}: none.
     */
    default long outerTimeoutNanos() {
        return -1;
    }

    /** The response status of a result, or 0 when results have none. */
    default int statusOf(T result) {
        return 0;
    }

    /** The redacted target of the call ({@code "GET https://host/path"}), or {@code null}. */
    default @Nullable String target() {
        return null;
    }

    /**
     * A client-side cancellation flag to watch during blocking waits ({@code null}: none). When it turns true the
     * wait ends at once and the call throws {@link #cancelled}.
     */
    default @Nullable BooleanSupplier cancellation() {
        return null;
    }

    /** What a blocking call throws when its client cancelled it during a wait. */
    default Throwable cancelled(@Nullable Throwable lastFailure) {
        CancellationException cancelled = new CancellationException("cancelled while waiting to retry");
        if (lastFailure != null) {
            cancelled.addSuppressed(lastFailure);
        }
        return cancelled;
    }

    /**
     * What a blocking call throws when its thread is interrupted before a retry. The default rethrows the last
     * failure with the interrupt attached, or the interrupt itself when the last attempt gave a result.
     */
    default Throwable interrupted(@Nullable Throwable lastFailure, InterruptedException interrupt) {
        if (lastFailure == null) {
            return interrupt;
        }
        lastFailure.addSuppressed(interrupt);
        return lastFailure;
    }
}
