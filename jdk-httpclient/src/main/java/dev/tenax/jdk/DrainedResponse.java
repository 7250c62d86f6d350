package dev.tenax.jdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * A response the engine decided to retry when its headers arrived, its body drained by a
 * {@link DrainingSubscriber} and its connection already released. Should the call end before another attempt (the
 * deadline passed), it is the caller's response after all: its body is then made by the caller's own handler from
 * what was drained (empty when the body did not arrive whole in time), on the first call of {@link #body()}.
 */
final class DrainedResponse<T> implements HttpResponse<T> {
    private final HttpResponse<T> response;
    private final DrainingSubscriber<T> drained;
    private final BodyHandler<T> callers;
    private final AtomicReference<@Nullable CompletableFuture<T>> body = new AtomicReference<>();

    DrainedResponse(HttpResponse<T> response, DrainingSubscriber<T> drained, BodyHandler<T> callers) {
        this.response = response;
        this.drained = drained;
        this.callers = callers;
    }

    @Override
    public T body() {
        CompletableFuture<T> made = body.get();
        if (made == null) {
            CompletableFuture<T> mine = new CompletableFuture<>();
            made = body.compareAndSet(null, mine) ? make(mine) : body.get();
        }
        return java.util.Objects.requireNonNull(made).join();
    }

    /** Feeds the drained bytes to the caller's handler, as the client would have. */
    private CompletableFuture<T> make(CompletableFuture<T> into) {
        try {
            BodySubscriber<T> subscriber = callers.apply(drained.info());
            byte[] bytes = drained.keptBody();
            AtomicBoolean delivered = new AtomicBoolean();
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    if (n > 0 && delivered.compareAndSet(false, true)) {
                        if (bytes.length > 0) {
                            subscriber.onNext(List.of(ByteBuffer.wrap(bytes)));
                        }
                        subscriber.onComplete();
                    }
                }

                @Override
                public void cancel() {
                    delivered.set(true);
                }
            });
            subscriber.getBody().whenComplete((value, failure) -> {
                if (failure != null) {
                    into.completeExceptionally(failure);
                } else {
                    into.complete(value);
                }
            });
        } catch (RuntimeException handlerFailed) {
            into.completeExceptionally(handlerFailed);
        }
        return into;
    }

    @Override
    public int statusCode() {
        return response.statusCode();
    }

    @Override
    public HttpRequest request() {
        return response.request();
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
        return response.previousResponse();
    }

    @Override
    public HttpHeaders headers() {
        return response.headers();
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return response.sslSession();
    }

    @Override
    public URI uri() {
        return response.uri();
    }

    @Override
    public HttpClient.Version version() {
        return response.version();
    }

    @Override
    public String toString() {
        return response.toString();
    }
}
