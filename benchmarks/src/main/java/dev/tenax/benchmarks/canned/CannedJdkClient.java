package dev.tenax.benchmarks.canned;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.HttpResponse.ResponseInfo;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * A JDK {@link HttpClient} that answers every request with a canned {@code 200} and an empty body, at once, on the
 * calling thread. It does what the real client does with the body handler: applies it to the response's
 * {@link ResponseInfo}, subscribes the returned {@link BodySubscriber}, completes it with no data, and builds the
 * response from the subscriber's body. So {@code RetryingHttpClient}'s deciding body handler runs as in reality.
 */
public final class CannedJdkClient extends HttpClient {
    private static final HttpHeaders HEADERS = HttpHeaders.of(
            Map.of("content-type", List.of("text/plain"), "content-length", List.of("0")), (k, v) -> true);
    private static final ResponseInfo INFO = new ResponseInfo() {
        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public HttpHeaders headers() {
            return HEADERS;
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }
    };
    private static final Flow.Subscription NOTHING = new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
    };

    private final SSLContext sslContext;

    public CannedJdkClient() {
        try {
            this.sslContext = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler) {
        return respond(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
        return CompletableFuture.completedFuture(respond(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request, BodyHandler<T> handler, @Nullable PushPromiseHandler<T> pushPromiseHandler) {
        return CompletableFuture.completedFuture(respond(request, handler));
    }

    private static <T> HttpResponse<T> respond(HttpRequest request, BodyHandler<T> handler) {
        BodySubscriber<T> subscriber = handler.apply(INFO);
        subscriber.onSubscribe(NOTHING);
        subscriber.onComplete(); // an empty body: no onNext
        T body = subscriber.getBody().toCompletableFuture().join();
        return new Canned<>(request, body);
    }

    /** The response: the canned status and headers, the request it answers and the body handler's body. */
    private record Canned<T>(HttpRequest request, T body) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HEADERS;
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        return sslContext;
    }

    @Override
    public SSLParameters sslParameters() {
        return sslContext.getDefaultSSLParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty();
    }
}
