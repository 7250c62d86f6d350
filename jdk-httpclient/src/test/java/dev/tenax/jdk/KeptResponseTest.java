package dev.tenax.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryBudget;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 13: when the deadline passes during the wait, no attempt starts after it and the caller gets the retried
 * response after all, its body made by the caller's own handler from what was drained.
 */
@ResourceLock("dev.tenax.Tenax")
class KeptResponseTest {
    private final MockWebServer server = new MockWebServer();
    private final List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
    private VirtualTime time = VirtualTime.install();

    @BeforeEach
    void start() throws IOException {
        time.close();
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
        time = VirtualTime.install();
    }

    @AfterEach
    void stop() {
        time.close();
        server.close();
    }

    /** A client whose every retry wait ends 10 s late, as on a machine that stalls: past the 3 s timeout. */
    private HttpClient client() {
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .timeout(Duration.ofSeconds(3))
                .budget(RetryBudget.unlimited())
                .listener(new RetryListener() {
                    @Override
                    public void onRetryScheduled(RetryDetails details) {
                        time.advance(Duration.ofSeconds(10));
                    }

                    @Override
                    public void onGiveUp(GiveUpDetails details) {
                        giveUps.add(details);
                    }
                })
                .build();
        return RetryingHttpClient.wrap(HttpClient.newHttpClient(), policy);
    }

    private HttpRequest get() {
        return HttpRequest.newBuilder(server.url("/").uri()).build();
    }

    @Test
    void sendReturnsTheLastRealResponseWithItsDrainedBody() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        server.enqueue(
                new MockResponse.Builder().code(200).body("after the deadline").build());

        HttpResponse<String> response = client().send(get(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("busy");
        assertThat(response.body()).isEqualTo("busy"); // made once, the same every time
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.DEADLINE);
    }

    @Test
    void sendAsyncToo() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        server.enqueue(
                new MockResponse.Builder().code(200).body("after the deadline").build());

        HttpResponse<byte[]> response =
                client().sendAsync(get(), BodyHandlers.ofByteArray()).get(30, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("busy");
        assertThat(response.headers().firstValue("Content-Length")).contains("4");
        assertThat(response.uri()).isEqualTo(get().uri());
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBodyLongerThanTheDrainLimitIsNotKept() throws Exception {
        server.enqueue(
                new MockResponse.Builder().code(503).body("x".repeat(64 * 1024)).build());
        server.enqueue(
                new MockResponse.Builder().code(200).body("after the deadline").build());

        HttpResponse<String> response = client().send(get(), BodyHandlers.ofString());

        // its status and headers are real; a body cut short would not be, so the caller gets none
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEmpty();
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.request().uri()).isEqualTo(get().uri());
        assertThat(response.previousResponse()).isEmpty();
        assertThat(response.sslSession()).isEmpty();
        assertThat(response.toString()).contains("503");
    }

    @Test
    void aHandlerThatFailsMakesBodyThrowIt() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());

        HttpResponse<String> response = client().send(get(), info -> {
            if (info.statusCode() == 503) {
                throw new IllegalStateException("handler refuses 503");
            }
            return HttpResponse.BodySubscribers.ofString(java.nio.charset.StandardCharsets.UTF_8);
        });

        assertThat(response.statusCode()).isEqualTo(503);
        org.assertj.core.api.Assertions.assertThatThrownBy(response::body)
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("handler refuses 503");
    }
}
