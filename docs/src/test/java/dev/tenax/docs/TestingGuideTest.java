package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.RetryPolicy;
import dev.tenax.Tenax;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.okhttp.RetryInterceptor;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The examples of docs/testing.md, compiled and run; each region is a snippet of the guide. */
@ResourceLock("dev.tenax.Tenax")
class TestingGuideTest {
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = RetryInterceptor.install(new OkHttpClient.Builder(), HttpRetryPolicy.defaults())
            .build();

    @BeforeEach
    void start() throws IOException {
        // region testing-server-setup
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE); // TCP_NODELAY on accepted sockets
        server.start();
        // endregion
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static final class AlwaysFailing {
        final AtomicInteger calls = new AtomicInteger();

        String fetch() throws IOException {
            calls.incrementAndGet();
            throw new IOException("down");
        }
    }

    @Test
    void setTesting() {
        AlwaysFailing service = new AlwaysFailing();
        RetryPolicy policy = RetryPolicy.on(IOException.class).build(); // 10 attempts, 45 s
        // region testing-set-testing
        try (Tenax.Handle testing = Tenax.setTesting(true, 3, false)) {
            assertThatThrownBy(() -> policy.call(service::fetch)).hasMessage("down");
            assertThat(service.calls).hasValue(3); // exactly 3 attempts, no waiting, no timeout
        }
        // endregion
        assertThat(Tenax.isTesting()).isFalse();
    }

    @Test
    void cap() {
        AlwaysFailing service = new AlwaysFailing();
        // region testing-cap
        RetryPolicy twoAttempts = RetryPolicy.on(IOException.class).attempts(2).build();
        try (Tenax.Handle testing = Tenax.setTesting(true, 5, true)) {
            assertThatThrownBy(() -> twoAttempts.call(service::fetch)).hasMessage("down");
            assertThat(service.calls).hasValue(2); // cap: min(5, the policy's own 2)
        }
        // endregion
    }

    @Test
    void nestedHandles() {
        AlwaysFailing service = new AlwaysFailing();
        RetryPolicy policy = RetryPolicy.on(IOException.class).build();
        // region testing-nested
        try (Tenax.Handle outer = Tenax.setTesting(true, 3, false)) {
            try (Tenax.Handle inner = Tenax.setTesting(true, 1, false)) {
                assertThatThrownBy(() -> policy.call(service::fetch)).hasMessage("down"); // 1 attempt
            }
            assertThatThrownBy(() -> policy.call(service::fetch)).hasMessage("down"); // 3 attempts again
        }
        assertThat(Tenax.isTesting()).isFalse(); // as before the outer handle
        // endregion
        assertThat(service.calls).hasValue(4);
    }

    @Test
    void inactive() {
        AlwaysFailing service = new AlwaysFailing();
        List<RetryDetails> retries = new CopyOnWriteArrayList<>();
        RetryListener listener = retries::add;
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).listener(listener).build();
        // region testing-inactive
        try (Tenax.Handle off = Tenax.setActive(false);
                Tenax.Handle testing = Tenax.setTesting(true, 3, false)) {
            assertThatThrownBy(() -> policy.call(service::fetch)).hasMessage("down");
            assertThat(service.calls).hasValue(1); // one attempt: off wins over testing
            assertThat(retries).isEmpty(); // and no listener hears of it
        }
        // endregion
        assertThat(Tenax.isActive()).isTrue();
    }

    @Test
    void virtualTime() {
        AlwaysFailing service = new AlwaysFailing();
        // region testing-virtual-time
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(4)
                .waitJitter(Duration.ZERO)
                .build();
        try (VirtualTime time = VirtualTime.install()) {
            assertThatThrownBy(() -> policy.call(service::fetch)).hasMessage("down");
            assertThat(time.waits())
                    .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(time.elapsed()).isEqualTo(Duration.ofMillis(700)); // no real time passed
        }
        // endregion
    }

    @Test
    void serviceUnavailableTwiceThenOk() throws IOException {
        String url = server.url("/users/42").toString();
        // region testing-503-503-200
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":42}").build());

        try (VirtualTime time = VirtualTime.install();
                Response response =
                        client.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).isEqualTo("{\"id\":42}");
            assertThat(server.getRequestCount()).isEqualTo(3);
            assertThat(time.waits()).hasSize(2);
        }
        // endregion
    }

    @Test
    void retryAfterIsHonoured() throws IOException {
        String url = server.url("/quota").toString();
        // region testing-retry-after
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "2")
                .build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        try (VirtualTime time = VirtualTime.install();
                Response response =
                        client.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            // never earlier than asked; at most waitJitter (1 s) later
            assertThat(time.waits().get(0)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
        }
        // endregion
    }

    @Test
    void disconnects() throws IOException {
        String url = server.url("/orders").toString();
        // region testing-disconnect
        // the connection drops before the request is read: a GET is retried
        server.enqueue(new MockResponse.Builder()
                .onRequestStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        try (Response response =
                client.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }

        // the connection drops after the POST was sent: it may have been processed, so it is not sent again
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        Request post = new Request.Builder()
                .url(url)
                .post(RequestBody.create("{\"n\":1}", MediaType.get("application/json")))
                .build();
        int before = server.getRequestCount();
        assertThatThrownBy(() -> client.newCall(post).execute()).isInstanceOf(IOException.class);
        assertThat(server.getRequestCount() - before).isEqualTo(1);
        // endregion
    }
}
