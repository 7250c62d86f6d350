package dev.tenax.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.Eventually;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** What only OkHttp needs: its own re-sends, per-request policies, call timeouts, the Call API. */
@ResourceLock("dev.tenax.Tenax")
class OkHttpSpecificsTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private final MockWebServer server = new MockWebServer();
    private final HttpRetryPolicy policy =
            HttpRetryPolicy.builder().budget(RetryBudget.unlimited()).build();

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Request post() {
        return new Request.Builder()
                .url(server.url("/orders"))
                .post(RequestBody.create("{\"n\":1}", JSON))
                .build();
    }

    private static MockResponse status(int code, String... headers) {
        MockResponse.Builder builder = new MockResponse.Builder().code(code).body("status " + code);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.addHeader(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    @Test
    void installStopsOkHttpFromResendingAPostAnswered503WithRetryAfterZero() throws IOException {
        server.enqueue(status(503, "Retry-After", "0"));
        server.enqueue(status(201));
        OkHttpClient client =
                RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();

        try (Response response = client.newCall(post()).execute()) {
            assertThat(response.code()).isEqualTo(503);
            assertThat(response.header("Retry-After"))
                    .as("the caller still sees the hint")
                    .isEqualTo("0");
            assertThat(response.headers().names()).noneMatch(name -> name.startsWith("Tenax"));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void plainAddInterceptorLeavesOkHttpsOwn503FollowUp() throws IOException {
        // documents the hole install() closes: OkHttp itself re-sends the POST
        server.enqueue(status(503, "Retry-After", "0"));
        server.enqueue(status(201));
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(RetryInterceptor.create(policy))
                .build();

        try (Response response = client.newCall(post()).execute()) {
            assertThat(response.code()).isEqualTo(201);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void installStopsOkHttpFromResendingAPostOverADroppedPooledConnection() throws IOException {
        server.enqueue(status(200));
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(status(201));
        OkHttpClient client =
                RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();
        warmUpConnection(client);

        assertThatThrownBy(() -> client.newCall(post()).execute()).isInstanceOf(IOException.class);

        assertThat(server.getRequestCount()).as("the GET and one POST").isEqualTo(2);
    }

    @Test
    void plainAddInterceptorLeavesOkHttpsOwnResendOverAPooledConnection() throws IOException {
        server.enqueue(status(200));
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(status(201));
        OkHttpClient client = new OkHttpClient.Builder()
                .addInterceptor(RetryInterceptor.create(policy))
                .build();
        warmUpConnection(client);

        try (Response response = client.newCall(post()).execute()) {
            assertThat(response.code()).isEqualTo(201);
        }
        assertThat(server.getRequestCount()).as("the GET and the POST twice").isEqualTo(3);
    }

    private void warmUpConnection(OkHttpClient client) throws IOException {
        try (Response response = client.newCall(
                        new Request.Builder().url(server.url("/")).build())
                .execute()) {
            assertThat(response.body().string()).isEqualTo("status 200");
        }
    }

    @Test
    void aRequestTagOverridesThePolicy() throws IOException {
        server.enqueue(status(503));
        server.enqueue(status(200));
        OkHttpClient client =
                RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();
        Request noRetries = new Request.Builder()
                .url(server.url("/"))
                .tag(HttpRetryPolicy.class, policy.toBuilder().attempts(1).build())
                .build();

        try (Response response = client.newCall(noRetries).execute()) {
            assertThat(response.code()).isEqualTo(503);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theCallTimeoutIsADeadline() throws IOException {
        server.enqueue(status(503, "Retry-After", "5"));
        server.enqueue(status(200));
        OkHttpClient client = RetryInterceptor.install(
                        new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)), policy)
                .build();

        try (VirtualTime time = VirtualTime.install();
                Response response = client.newCall(
                                new Request.Builder().url(server.url("/")).build())
                        .execute()) {
            assertThat(response.code())
                    .as("a 5 s wait cannot fit in a 2 s call timeout")
                    .isEqualTo(503);
            assertThat(time.waits()).isEmpty();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void installReplacesAnEarlierRetryInterceptor() {
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        RetryInterceptor.install(builder, policy);
        RetryInterceptor.install(builder, HttpRetryPolicy.defaults());

        assertThat(builder.interceptors()).hasSize(1);
        assertThat(((RetryInterceptor) builder.interceptors().get(0)).policy()).isSameAs(HttpRetryPolicy.defaults());
        assertThat(builder.networkInterceptors())
                .containsExactly(RetryAfterGuard.INSTANCE, StaleConnectionCheck.INSTANCE);
        assertThat(builder.build().retryOnConnectionFailure()).isFalse();
    }

    @Test
    void theCallFactoryDropsARetryInterceptorSoNothingIsRetriedTwice() throws IOException {
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(status(200));
        OkHttpClient withInterceptor =
                RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();
        RetryingCallFactory factory = RetryingCallFactory.create(
                withInterceptor, policy.toBuilder().attempts(2).build());

        try (Response response = factory.newCall(
                        new Request.Builder().url(server.url("/")).build())
                .execute()) {
            assertThat(response.code()).isEqualTo(503);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(factory.client().interceptors()).isEmpty();
    }

    @Test
    void enqueuedCallsWaitWithoutHoldingDispatcherThreads() throws Exception {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return status(503);
            }
        });
        CountDownLatch allWaiting = new CountDownLatch(50);
        HttpRetryPolicy slow = policy.toBuilder()
                .waitInitial(Duration.ofMinutes(1))
                .waitMax(Duration.ofMinutes(1))
                .timeout(Duration.ofMinutes(5))
                .listener(d -> allWaiting.countDown())
                .build();
        RetryingCallFactory factory = RetryingCallFactory.create(new OkHttpClient(), slow);
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Call call = factory.newCall(
                    new Request.Builder().url(server.url("/" + i)).build());
            call.enqueue(ignoring());
            calls.add(call);
        }

        assertThat(allWaiting.await(10, TimeUnit.SECONDS)).isTrue();
        // 50 calls are waiting a minute each; OkHttp's Dispatcher (5 per host by default) runs none of them. The
        // listener fires inside an attempt's callback, before the Dispatcher marks that attempt finished, so the
        // counts are read once they have drained (issue 12: asserting at once failed on a fresh CI clone).
        assertThat(Eventually.drained(factory.client().dispatcher()::runningCallsCount))
                .isZero();
        assertThat(factory.client().dispatcher().queuedCallsCount()).isZero();
        calls.forEach(Call::cancel);
        assertThat(server.getRequestCount()).isEqualTo(50);
    }

    @Test
    void theRetryingCallBehavesLikeAnOkHttpCall() throws IOException {
        server.enqueue(status(200));
        RetryingCallFactory factory = RetryingCallFactory.create(
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build());
        Request request = new Request.Builder()
                .url(server.url("/"))
                .tag(String.class, "trace-1")
                .build();
        Call call = factory.newCall(request);
        List<String> events = new ArrayList<>();
        call.addEventListener(new EventListener() {
            @Override
            public void callStart(Call c) {
                events.add("callStart");
            }
        });

        assertThat(call.request()).isSameAs(request);
        assertThat(call.isExecuted()).isFalse();
        assertThat(call.timeout().timeoutNanos())
                .isEqualTo(Duration.ofSeconds(30).toNanos());
        assertThat(call.tag(String.class)).isEqualTo("trace-1");
        assertThat(call.tag(Integer.class, () -> 42)).isEqualTo(42);
        assertThat(call.tag(Integer.class)).isEqualTo(42);
        try (Response response = call.execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(call.isExecuted()).isTrue();
        assertThat(events).containsExactly("callStart");
        assertThatThrownBy(call::execute)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Already Executed");
        Call clone = call.clone();
        assertThat(clone.isExecuted()).isFalse();
        assertThat(clone.request()).isSameAs(request);
        clone.cancel();
        assertThat(clone.isCanceled()).isTrue();
        assertThat(call.toString()).contains("GET").doesNotContain("?");
    }

    @Test
    void aCancelledCallIsNotSent() {
        RetryingCallFactory factory = RetryingCallFactory.create(new OkHttpClient());
        Call call = factory.newCall(new Request.Builder().url(server.url("/")).build());
        call.cancel();

        assertThatThrownBy(call::execute).isInstanceOf(IOException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    private static Callback ignoring() {
        return new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {}

            @Override
            public void onResponse(Call call, Response response) {
                response.close();
            }
        };
    }
}
