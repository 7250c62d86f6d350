package dev.tenax.demo;

import dev.tenax.apache.AsyncRetryExecHandler;
import java.io.IOException;
import java.net.URI;
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
        SimpleHttpResponse response =
                Futures.await(client.execute(SimpleRequestBuilder.get(page).build(), null), page);
        byte[] body = response.getBodyBytes();
        return Responses.bodyOf(response.getCode(), body == null ? new byte[0] : body);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
