package dev.tenax.apache;

import dev.tenax.http.spi.ResponseAccess;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the time a retried response's body may take to arrive: once armed, {@code abandon} runs after
 * {@link #WINDOW_MILLIS} unless the release ended first. Abandoning discards the connection, which also ends a
 * read blocked on it (HttpClient's own {@code cancel()} closes connections from another thread the same way).
 * After {@link #end()} it never runs, so it cannot touch the connection of the attempt that follows.
 */
final class ReleaseWatch {
    /** How long a retried body may take to arrive in full before its connection is abandoned. */
    static final long WINDOW_MILLIS = ResponseAccess.DRAIN_WINDOW_MILLIS;

    /** JDK's shared delay thread; the task only closes a connection, so it runs there. */
    private static final Executor TIMER =
            CompletableFuture.delayedExecutor(WINDOW_MILLIS, TimeUnit.MILLISECONDS, Runnable::run);

    private final Runnable abandon;
    private boolean ended;
    private boolean abandoned;

    private ReleaseWatch(Runnable abandon) {
        this.abandon = abandon;
    }

    /** Starts the window now. */
    static ReleaseWatch arm(Runnable abandon) {
        ReleaseWatch watch = new ReleaseWatch(abandon);
        TIMER.execute(watch::expire);
        return watch;
    }

    private synchronized void expire() {
        if (!ended) {
            abandoned = true;
            abandon.run();
        }
    }

    /**
     * Ends the window (the body ended, or was abandoned some other way).
     *
     * @return whether the window had expired first, and the connection was abandoned
     */
    synchronized boolean end() {
        ended = true;
        return abandoned;
    }
}
