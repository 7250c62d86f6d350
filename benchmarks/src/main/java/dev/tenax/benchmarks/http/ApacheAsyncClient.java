package dev.tenax.benchmarks.http;

import dev.tenax.apache.AsyncRetryExecHandler;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.io.CloseMode;
import org.jspecify.annotations.Nullable;

/**
 * Apache HttpClient 5, async API, started: the bare client (automatic retries off) or the client with
 * {@link AsyncRetryExecHandler} installed. {@code sendAsync} is {@code execute(SimpleHttpRequest, callback)} (the
 * body read whole into a {@code SimpleHttpResponse}); {@code send} waits for it.
 */
public final class ApacheAsyncClient implements LoadClient {
    private final CloseableHttpAsyncClient client;

    private ApacheAsyncClient(CloseableHttpAsyncClient client) {
        this.client = client;
        client.start();
    }

    /** {@code disableAutomaticRetries()}: no retries at all (the async baseline). */
    public static LoadClient bare(RetrySetup setup) {
        return new ApacheAsyncClient(
                ApacheShape.async().disableAutomaticRetries().build());
    }

    /** {@code AsyncRetryExecHandler.install(builder, setup.tenax())}. */
    public static LoadClient tenax(RetrySetup setup) {
        return new ApacheAsyncClient(AsyncRetryExecHandler.install(ApacheShape.async(), setup.tenax())
                .build());
    }

    @Override
    public int send(URI uri, @Nullable String callId) throws IOException, InterruptedException {
        try {
            return sendAsync(uri, callId).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public boolean supportsAsync() {
        return true;
    }

    @Override
    public CompletableFuture<Integer> sendAsync(URI uri, @Nullable String callId) {
        SimpleRequestBuilder request = SimpleRequestBuilder.get(uri);
        if (callId != null) {
            request.setHeader(LoadServer.CALL_ID, callId);
        }
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Future<SimpleHttpResponse> unused = client.execute(request.build(), new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                result.complete(response.getCode());
            }

            @Override
            public void failed(Exception e) {
                result.completeExceptionally(e);
            }

            @Override
            public void cancelled() {
                result.cancel(false);
            }
        });
        return result;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
