package dev.tenax.demo;

import dev.tenax.apache.AsyncRetryExecHandler;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.io.CloseMode;

/** Apache HttpClient 5 (async) with {@link AsyncRetryExecHandler}: waits hold no I/O thread. */
final class ApacheAsyncFetcher implements PageFetcher {
    private final CloseableHttpAsyncClient client;

    ApacheAsyncFetcher(RunStats stats) {
        this.client = AsyncRetryExecHandler.install(HttpAsyncClients.custom(), DemoPolicies.http("apache-async", stats))
                .build();
        client.start();
    }

    @Override
    public String label() {
        return "Apache async";
    }

    @Override
    public byte[] fetch(URI page) throws IOException {
        try {
            SimpleHttpResponse response =
                    client.execute(SimpleRequestBuilder.get(page).build(), null).get();
            byte[] body = response.getBodyBytes();
            return Responses.bodyOf(response.getCode(), body == null ? new byte[0] : body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for " + page);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
