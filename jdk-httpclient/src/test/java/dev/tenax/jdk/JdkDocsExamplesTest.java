package dev.tenax.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The examples of docs/jdk-httpclient.md: each region is copied into the guide as is. */
@ResourceLock("dev.tenax.Tenax")
class JdkDocsExamplesTest {
    private final MockWebServer server = new MockWebServer();
    private final VirtualTime time = VirtualTime.install();
    private URI uri = URI.create("http://localhost/");

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
        uri = server.url("/users/42").uri();
    }

    @AfterEach
    void stop() {
        time.close();
        server.close();
    }

    private static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    @Test
    void wrapAndSend() throws Exception {
        server.enqueue(status(503, "busy"));
        server.enqueue(status(200, "{\"id\":42}"));

        // region jdk-wrap
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .attempts(5)
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpClient client = RetryingHttpClient.wrap(HttpClient.newHttpClient(), policy);
        // endregion

        // region jdk-send
        HttpRequest request = HttpRequest.newBuilder(uri).build();
        HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
        // endregion

        assertThat(response.body()).isEqualTo("{\"id\":42}");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void sendAsyncAndCancel() throws Exception {
        server.enqueue(status(503, "busy"));
        server.enqueue(status(200, "{\"id\":42}"));
        HttpClient client = RetryingHttpClient.wrap(HttpClient.newHttpClient());
        HttpRequest request = HttpRequest.newBuilder(uri).build();

        // region jdk-send-async
        CompletableFuture<HttpResponse<String>> call = client.sendAsync(request, BodyHandlers.ofString());
        CompletableFuture<String> body = call.thenApply(HttpResponse::body);
        // endregion

        assertThat(body.get(10, TimeUnit.SECONDS)).isEqualTo("{\"id\":42}");

        CompletableFuture<HttpResponse<String>> another = client.sendAsync(request, BodyHandlers.ofString());
        // region jdk-cancel
        another.cancel(true); // the exchange in flight and any pending wait are cancelled; nothing more is sent
        // endregion
        assertThat(another).isCancelled();
    }

    @Test
    void whatTheHandlerSees() throws Exception {
        server.enqueue(status(503, "busy"));
        server.enqueue(status(200, "{\"id\":42}"));
        HttpClient client = RetryingHttpClient.wrap(HttpClient.newHttpClient());
        HttpRequest request = HttpRequest.newBuilder(uri).build();

        // region jdk-handler
        HttpResponse<InputStream> response = client.send(request, info -> {
            // called once per call, for the final response only: the retried 503's body was discarded
            System.out.println("final status " + info.statusCode());
            return HttpResponse.BodySubscribers.ofInputStream();
        });
        try (InputStream body = response.body()) {
            System.out.println(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
        // endregion

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aPolicyForOneRequest() throws Exception {
        server.enqueue(status(503, "busy"));
        HttpRequest request = HttpRequest.newBuilder(uri).build();

        // region jdk-with-policy
        RetryingHttpClient client = RetryingHttpClient.wrap(HttpClient.newHttpClient()); // withPolicy needs this type
        HttpRetryPolicy once = HttpRetryPolicy.builder().attempts(1).build();
        HttpResponse<String> response = client.withPolicy(once).send(request, BodyHandlers.ofString());
        // endregion

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aOneShotBody() throws Exception {
        server.enqueue(status(503, "busy"));
        HttpClient client = RetryingHttpClient.wrap(HttpClient.newHttpClient());
        InputStream stream = new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8));

        // region jdk-one-shot
        HttpRequest upload = HttpRequest.newBuilder(uri)
                .PUT(RetryingHttpClient.oneShot(BodyPublishers.ofInputStream(() -> stream)))
                .build();
        HttpResponse<String> response = client.send(upload, BodyHandlers.ofString()); // 503: returned, not re-sent
        // endregion

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void requestTimeouts() throws Exception {
        server.enqueue(status(200, "{\"id\":42}"));

        // region jdk-timeout
        HttpClient client = RetryingHttpClient.wrap(
                HttpClient.newHttpClient(),
                HttpRetryPolicy.builder().timeout(Duration.ofSeconds(10)).build());
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
        // each attempt is sent with timeout min(30 s, what is left of the 10 s)
        HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
        // endregion

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void closing() throws Exception {
        server.enqueue(status(200, "{\"id\":42}"));
        // region jdk-close
        RetryingHttpClient client = RetryingHttpClient.wrap(HttpClient.newHttpClient());
        try {
            client.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.discarding());
        } finally {
            client.close(); // JDK 21+: closes the wrapped client; no retry starts afterwards
        }
        // endregion

        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
