package dev.tenax.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 13: with OkHttp's own re-sends off, a POST on a pooled connection the server closed while it was idle is
 * still sent (on a new connection), while a POST the server read before dropping the connection is sent once.
 * The connection must really sit idle for the check to look at it, so each scenario waits that long in real time.
 */
@ResourceLock("dev.tenax.Tenax")
class StaleConnectionTest {
    private final MockWebServer server = new MockWebServer();
    private final HttpRetryPolicy policy =
            HttpRetryPolicy.builder().budget(RetryBudget.unlimited()).build();
    private VirtualTime time;

    @BeforeEach
    void start() throws IOException {
        time = VirtualTime.install(); // the retry's backoff only; the idle connection's time is real
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        time.close();
    }

    private Request post() {
        return new Request.Builder()
                .url(server.url("/orders"))
                .post(RequestBody.create("{\"n\":1}", MediaType.get("application/json")))
                .build();
    }

    /** A GET whose connection goes back to the pool, then sits idle long enough to be checked. */
    private void warmUpThenIdle(Call.Factory calls, boolean serverClosesIt) throws Exception {
        MockResponse.Builder ok = new MockResponse.Builder().body("warm");
        if (serverClosesIt) {
            ok.onResponseEnd(new SocketEffect.CloseSocket());
        }
        server.enqueue(ok.build());
        try (Response response = calls.newCall(
                        new Request.Builder().url(server.url("/")).build())
                .execute()) {
            assertThat(response.body().string()).isEqualTo("warm");
        }
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(StaleConnectionCheck.IDLE_NANOS) + 500);
    }

    private void assertPostSentOnceOnANewConnection() throws InterruptedException {
        assertThat(server.getRequestCount()).as("the GET and one POST").isEqualTo(2);
        RecordedRequest get = server.takeRequest();
        RecordedRequest post = server.takeRequest();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getConnectionIndex()).isNotEqualTo(get.getConnectionIndex());
    }

    /**
     * An HTTP/2 socket is its reader thread's: a probe would take its lock or its bytes. {@code H2_PRIOR_KNOWLEDGE}
     * is not {@code HTTP_2}, and was once probed (a retried stream then hung until the read timeout).
     */
    @Test
    void onlyHttp1ConnectionsAreProbed() {
        assertThat(Arrays.stream(Protocol.values()).filter(StaleConnectionCheck::probes))
                .containsExactlyInAnyOrder(Protocol.HTTP_1_0, Protocol.HTTP_1_1);
    }

    @Test
    void aPostOnAPooledConnectionTheServerClosedWhileIdleIsSentOnANewOne() throws Exception {
        OkHttpClient client =
                RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();
        warmUpThenIdle(client, true);
        server.enqueue(new MockResponse.Builder().code(201).body("created").build());

        try (Response response = client.newCall(post()).execute()) {
            assertThat(response.code()).isEqualTo(201);
        }

        assertPostSentOnceOnANewConnection();
    }

    @Test
    void theCallFactorySendsAPostOnANewConnectionWhenThePooledOneWasClosedWhileIdle() throws Exception {
        RetryingCallFactory factory = RetryingCallFactory.create(new OkHttpClient(), policy);
        warmUpThenIdle(factory, true);
        server.enqueue(new MockResponse.Builder().code(201).body("created").build());

        try (Response response = factory.newCall(post()).execute()) {
            assertThat(response.code()).isEqualTo(201);
        }

        assertPostSentOnceOnANewConnection();
    }

    @Test
    void aPostTheServerReadBeforeDroppingAnIdleConnectionIsSentOnce() throws Exception {
        OkHttpClient client =
                RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();
        warmUpThenIdle(client, false);
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(
                new MockResponse.Builder().code(201).body("created twice").build());

        assertThatThrownBy(() -> client.newCall(post()).execute()).isInstanceOf(IOException.class);

        assertThat(server.getRequestCount()).as("the GET and one POST").isEqualTo(2);
    }

    @Test
    void aStaleConnectionMetByTheRedirectOfAPostDoesNotResendThePost() throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
            other.start();
            OkHttpClient client =
                    RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();
            other.enqueue(new MockResponse.Builder()
                    .body("warm")
                    .onResponseEnd(new SocketEffect.CloseSocket())
                    .build());
            try (Response response = client.newCall(
                            new Request.Builder().url(other.url("/")).build())
                    .execute()) {
                assertThat(response.body().string()).isEqualTo("warm");
            }
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(StaleConnectionCheck.IDLE_NANOS) + 500);
            server.enqueue(new MockResponse.Builder()
                    .code(303)
                    .addHeader("Location", other.url("/b"))
                    .build());
            server.enqueue(
                    new MockResponse.Builder().code(201).body("created twice").build());

            // the GET /b meets the connection "other" closed: the POST /a was sent and answered, so it is not re-sent
            assertThatThrownBy(() -> client.newCall(post()).execute()).isInstanceOf(IOException.class);

            assertThat(server.getRequestCount()).as("one POST").isEqualTo(1);
        }
    }
}
