package dev.tenax.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.TenantContext;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: through {@code sendAsync}, the caller's context (a {@link ThreadLocal}, through the
 * {@code ContextPropagator} SPI) is in place when the listener runs and when the second attempt is sent, although
 * both run on threads other than the caller's.
 */
class SendAsyncContextTest {
    private final TenantContext tenant = new TenantContext();

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theSecondAttemptAndTheListenerSeeTheCallersContext() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        List<String> sentWith = new CopyOnWriteArrayList<>();
        HttpRetryPolicy policy = tenant.policy();
        RecordingHttpClient recording = new RecordingHttpClient(HttpClient.newHttpClient());
        recording.onSend(() -> sentWith.add(TenantContext.current()));
        HttpClient client = RetryingHttpClient.wrap(recording, policy);

        CompletableFuture<HttpResponse<String>> call = TenantContext.startAs(
                "acme",
                () -> client.sendAsync(
                        HttpRequest.newBuilder(server.url("/").uri()).build(), BodyHandlers.ofString()));

        assertThat(call.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode())
                .isEqualTo(200);
        assertThat(sentWith).as("each attempt as sent").containsExactly("acme", "acme");
        assertThat(tenant.listenerSaw).containsExactly("acme");
    }
}
