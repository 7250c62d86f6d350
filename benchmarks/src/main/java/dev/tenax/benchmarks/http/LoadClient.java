package dev.tenax.benchmarks.http;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP client set up one way (bare, with a Tenax adapter, with a peer library): what every load harness
 * drives. An implementation sends {@code GET uri}, reads the whole body, closes the response and returns the
 * final status; a call that ends with an exception throws it (or fails the future).
 *
 * <p>To add a client: one small class implementing this interface, and one line in {@link ClientVariants}.
 */
public interface LoadClient extends AutoCloseable {
    /**
     * Sends one logical request and waits for its final outcome (after any retries).
     *
     * @param uri the target
     * @param callId sent as {@link LoadServer#CALL_ID} when not {@code null}
     * @return the final response status
     * @throws IOException when the call ends with a transport failure
     * @throws InterruptedException when interrupted
     */
    int send(URI uri, @Nullable String callId) throws IOException, InterruptedException;

    /** Whether {@link #sendAsync} is supported: the client has a non-blocking API. */
    default boolean supportsAsync() {
        return false;
    }

    /**
     * Sends one logical request without blocking the caller.
     *
     * @param uri the target
     * @param callId sent as {@link LoadServer#CALL_ID} when not {@code null}
     * @return the final status, or the call's failure
     */
    default CompletableFuture<Integer> sendAsync(URI uri, @Nullable String callId) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException(getClass().getSimpleName() + " has no asynchronous API"));
    }

    /** Releases the client's threads and connections. */
    @Override
    void close();
}
