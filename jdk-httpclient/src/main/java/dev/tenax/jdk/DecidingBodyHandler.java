package dev.tenax.jdk;

import dev.tenax.http.spi.HttpAttemptContext;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;

/**
 * Asks the engine, when the headers arrive, whether the response will be retried: a retried response's body is
 * discarded (its connection released at once), the final response goes to the caller's own handler.
 */
final class DecidingBodyHandler<T> implements BodyHandler<T> {
    private final BodyHandler<T> callers;
    private final HttpAttemptContext attempt;

    DecidingBodyHandler(BodyHandler<T> callers, HttpAttemptContext attempt) {
        this.callers = callers;
        this.attempt = attempt;
    }

    @Override
    public BodySubscriber<T> apply(ResponseInfo info) {
        boolean retried = attempt.retryOnHeaders(
                info.statusCode(), name -> info.headers().firstValue(name).orElse(null));
        return retried ? BodySubscribers.replacing(null) : callers.apply(info);
    }
}
