package dev.tenax.benchmarks.canned;

import dev.tenax.apache.AsyncRetryExecHandler;
import dev.tenax.http.HttpRetryPolicy;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.concurrent.ComplexCancellable;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.AsyncClientExchangeHandler;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.support.BasicRequestBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.jspecify.annotations.Nullable;

/**
 * HttpClient 5's async exec chain reduced to its last element: a fake {@link AsyncExecChain} that hands the
 * callback a canned {@code 200} head (no body) and completes the exchange before {@code proceed} returns, and a
 * {@link AsyncExecChain.Scope} built once. {@link #bare} calls the chain, {@link #tenax} calls
 * {@link AsyncRetryExecHandler#execute} over it.
 */
public final class CannedApacheAsync {
    private final HttpRequest request;
    private final AsyncExecChain.Scope scope;
    private final AsyncExecChain chain;
    private final LastStatus callback = new LastStatus();

    public CannedApacheAsync() {
        HttpHost target = new HttpHost("http", "localhost", 8080);
        this.request = BasicRequestBuilder.get("http://localhost:8080/canned")
                .addHeader("Accept", "text/plain")
                .build();
        this.scope = new AsyncExecChain.Scope(
                "ex-canned",
                new HttpRoute(target),
                request,
                new ComplexCancellable(), // never cancelled; the success path sets no dependency on it
                HttpClientContext.create(),
                new IdleRuntime(),
                null,
                new AtomicInteger(1));
        HttpResponse canned = new BasicHttpResponse(200, "OK");
        canned.addHeader("Content-Type", "text/plain");
        this.chain = (req, producer, sc, cb) -> {
            AsyncDataConsumer body = cb.handleResponse(canned, null);
            if (body != null) {
                throw new IllegalStateException("no body was announced");
            }
            cb.completed();
        };
    }

    /** The status, through the fake chain alone. */
    public int bare() throws IOException, HttpException {
        chain.proceed(request, null, scope, callback);
        return callback.take();
    }

    /** The status, through {@code handler} over the fake chain. */
    public int tenax(AsyncRetryExecHandler handler) throws IOException {
        handler.execute(request, null, scope, chain, callback);
        return callback.take();
    }

    public static AsyncRetryExecHandler handler(HttpRetryPolicy policy) {
        return AsyncRetryExecHandler.create(policy);
    }

    /** The caller's callback: keeps the status; {@link #take} checks the exchange completed. */
    private static final class LastStatus implements AsyncExecCallback {
        private int status;
        private boolean completed;
        private @Nullable Exception failure;

        @Override
        public @Nullable AsyncDataConsumer handleResponse(HttpResponse response, @Nullable EntityDetails details) {
            status = response.getCode();
            return null;
        }

        @Override
        public void handleInformationResponse(HttpResponse response) {}

        @Override
        public void completed() {
            completed = true;
        }

        @Override
        public void failed(Exception cause) {
            failure = cause;
        }

        int take() throws IOException {
            Exception failed = failure;
            if (failed != null) {
                throw new IOException(failed);
            }
            if (!completed) {
                throw new IllegalStateException("the exchange did not complete before execute() returned");
            }
            completed = false;
            int s = status;
            status = 0;
            return s;
        }
    }

    /** A runtime with no endpoint; what Tenax may call on it on the success path is a no-op. */
    private static final class IdleRuntime implements AsyncExecRuntime {
        @Override
        public boolean isEndpointAcquired() {
            return false;
        }

        @Override
        public Cancellable acquireEndpoint(
                String id,
                HttpRoute route,
                Object state,
                HttpClientContext context,
                FutureCallback<AsyncExecRuntime> callback) {
            throw new UnsupportedOperationException("canned exchange: no endpoint");
        }

        @Override
        public void releaseEndpoint() {}

        @Override
        public void discardEndpoint() {}

        @Override
        public boolean isEndpointConnected() {
            return false;
        }

        @Override
        public Cancellable connectEndpoint(HttpClientContext context, FutureCallback<AsyncExecRuntime> callback) {
            throw new UnsupportedOperationException("canned exchange: no endpoint");
        }

        @Override
        public void disconnectEndpoint() {}

        @Override
        public void upgradeTls(HttpClientContext context) {
            throw new UnsupportedOperationException("canned exchange: no endpoint");
        }

        @Override
        public boolean validateConnection() {
            return false;
        }

        @Override
        public Cancellable execute(String id, AsyncClientExchangeHandler exchangeHandler, HttpClientContext context) {
            throw new UnsupportedOperationException("canned exchange: no endpoint");
        }

        @Override
        public void markConnectionReusable(Object state, TimeValue duration) {}

        @Override
        public void markConnectionNonReusable() {}

        @Override
        public AsyncExecRuntime fork() {
            return this;
        }
    }
}
