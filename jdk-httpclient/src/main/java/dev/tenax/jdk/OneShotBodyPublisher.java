package dev.tenax.jdk;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A body that may be sent only once: Tenax never retries a request carrying it once it may have been sent, and
 * a second subscription (a redirect or an authentication challenge that the client itself would follow) fails
 * instead of publishing the body again.
 */
final class OneShotBodyPublisher implements BodyPublisher {
    private final BodyPublisher body;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    OneShotBodyPublisher(BodyPublisher body) {
        this.body = body;
    }

    @Override
    public long contentLength() {
        return body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        if (!subscribed.getAndSet(true)) {
            body.subscribe(subscriber);
            return;
        }
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
        });
        subscriber.onError(new IOException("a one-shot request body cannot be sent twice"));
    }

    @Override
    public String toString() {
        return "OneShotBodyPublisher[" + body + "]";
    }
}
