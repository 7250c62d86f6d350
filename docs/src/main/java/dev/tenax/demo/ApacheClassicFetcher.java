package dev.tenax.demo;

import dev.tenax.apache.RetryExecHandler;
import java.io.IOException;
import java.net.URI;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** Apache HttpClient 5 (classic) with {@link RetryExecHandler} in place of the built-in retry. */
final class ApacheClassicFetcher implements PageFetcher {
    private final CloseableHttpClient client;

    ApacheClassicFetcher(RunStats stats) {
        this.client = RetryExecHandler.install(HttpClients.custom(), DemoPolicies.http("apache-classic", stats))
                .build();
    }

    @Override
    public String label() {
        return "Apache classic";
    }

    @Override
    public byte[] fetch(URI page) throws IOException {
        return client.execute(
                new HttpGet(page),
                response -> Responses.bodyOf(response.getCode(), EntityUtils.toByteArray(response.getEntity())));
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
