package dev.tenax.http.spi;

import java.io.IOException;

/**
 * Sends the request once and returns the response.
 *
 * <p>Generic in the exception its client's API throws besides {@link IOException} (Apache's {@code HttpException},
 * the JDK's {@code InterruptedException}), so that the driver rethrows it unchanged, without a wrapper; for a
 * client that throws only {@code IOException} it is inferred as {@code RuntimeException}.
 *
 * @param <R> the client's response type
 * @param <E> the client's own checked exception, besides {@code IOException}
 */
@FunctionalInterface
public interface HttpAttempt<R, E extends Exception> {
    /**
     * Sends one attempt.
     *
     * @param context the engine's view of the call
     * @return the response
     * @throws IOException a transport failure
     * @throws E the client's own exception (a protocol error, an interrupt), rethrown unchanged
     */
    R send(HttpAttemptContext context) throws IOException, E;
}
