package dev.tenax.http.spi;

import java.util.concurrent.CompletionStage;

/**
 * Starts one attempt without blocking.
 *
 * @param <R> the client's response type
 */
@FunctionalInterface
public interface AsyncHttpAttempt<R> {
    /**
     * Starts one attempt.
     *
     * @param context the engine's view of the call
     * @return the attempt's response, or its transport failure
     */
    CompletionStage<R> start(HttpAttemptContext context);
}
