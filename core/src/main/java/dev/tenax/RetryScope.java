package dev.tenax;

/**
 * Something a {@link RetryListener} opens when a retry is scheduled and that the engine closes exactly once,
 * right before the next attempt starts (or when the call ends instead), for example a tracing span that covers
 * the wait.
 */
@FunctionalInterface
public interface RetryScope extends AutoCloseable {
    /** Ends the scope. Must not throw; an exception is logged and ignored. */
    @Override
    void close();
}
