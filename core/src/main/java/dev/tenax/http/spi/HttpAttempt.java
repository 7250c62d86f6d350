package dev.tenax.http.spi;

import java.io.IOException;

/**
 * Sends the request once and returns the response.
 *
 * @param <R> the client's response type
 */
@FunctionalInterface
public interface HttpAttempt<R> {
    /**
     * Sends one attempt.
     *
     * @param context the engine's view of the call
     * @return the response
     * @throws IOException a transport failure
     * @throws InterruptedException when the client's own API is interruptible (JDK {@code send})
     */
    R send(HttpAttemptContext context) throws IOException, InterruptedException;
}
