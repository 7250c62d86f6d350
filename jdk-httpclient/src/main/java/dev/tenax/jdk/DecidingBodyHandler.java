package dev.tenax.jdk;

import dev.tenax.http.spi.HttpAttemptContext;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import org.jspecify.annotations.Nullable;

/**
 * Asks the engine, when the headers arrive, whether the response will be retried: a retried response's body is
 * drained within bounds ({@link DrainingSubscriber}), the final response goes to the caller's own handler. One per
 * attempt.
 */
final class DecidingBodyHandler<T> implements BodyHandler<T> {
    private final BodyHandler<T> callers;
    private final HttpAttemptContext attempt;
    private volatile @Nullable DrainingSubscriber<T> draining;

    DecidingBodyHandler(BodyHandler<T> callers, HttpAttemptContext attempt) {
        this.callers = callers;
        this.attempt = attempt;
    }

    @Override
    public BodySubscriber<T> apply(ResponseInfo info) {
        boolean retried = attempt.retryOnHeaders(
                info.statusCode(), name -> info.headers().firstValue(name).orElse(null));
        if (!retried) {
            return callers.apply(info);
        }
        DrainingSubscriber<T> subscriber = new DrainingSubscriber<>(info);
        draining = subscriber;
        return subscriber;
    }

    /** The attempt's response as the engine should see it: a retried one carries what its body drained. */
    HttpResponse<T> outcome(HttpResponse<T> response) {
        DrainingSubscriber<T> subscriber = draining;
        return subscriber == null ? response : new DrainedResponse<>(response, subscriber, callers);
    }
}
