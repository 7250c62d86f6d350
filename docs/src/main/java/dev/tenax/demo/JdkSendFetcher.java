package dev.tenax.demo;

import dev.tenax.jdk.RetryingHttpClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JDK {@link HttpClient} wrapped by {@link RetryingHttpClient}, with {@code send} or {@code sendAsync}. */
final class JdkSendFetcher implements PageFetcher {
    private final HttpClient client;
    private final boolean async;

    JdkSendFetcher(RunStats stats, boolean async) {
        this.client = RetryingHttpClient.wrap(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                DemoPolicies.http(async ? "jdk-send-async" : "jdk-send", stats));
        this.async = async;
    }

    @Override
    public String label() {
        return async ? "JDK sendAsync" : "JDK send";
    }

    @Override
    public byte[] fetch(URI page) throws IOException {
        HttpRequest request =
                HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(5)).build();
        HttpResponse<byte[]> response;
        if (async) {
            response = Futures.await(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()), page);
        } else {
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for " + page);
            }
        }
        return Responses.bodyOf(response.statusCode(), response.body());
    }

    @Override
    public void close() {
        // an HttpClient has no close() before JDK 21; its threads are daemons
    }
}
