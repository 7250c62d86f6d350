package dev.tenax.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Issue 13: the first value of a repeated request header counts; no header of Tenax's is ever seen. */
@ResourceLock("dev.tenax.Tenax")
class OkHttpHeadersTest {
    private final MockWebServer server = new MockWebServer();
    private final HttpRetryPolicy policy =
            HttpRetryPolicy.builder().budget(RetryBudget.unlimited()).build();
    private VirtualTime time;

    @BeforeEach
    void start() throws IOException {
        time = VirtualTime.install();
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        time.close();
    }

    private static MockResponse unavailable(String retryAfter) {
        return new MockResponse.Builder()
                .code(503)
                .addHeader("Retry-After", retryAfter)
                .addHeader("X-Trace", "t1")
                .body("busy")
                .build();
    }

    private Request post(String... idempotencyKeys) {
        Request.Builder builder = new Request.Builder()
                .url(server.url("/orders"))
                .post(RequestBody.create("{}", MediaType.get("application/json")));
        for (String key : idempotencyKeys) {
            builder.addHeader("Idempotency-Key", key);
        }
        return builder.build();
    }

    private void dropAfterRequestThenCreate() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(new MockResponse.Builder().code(201).build());
    }

    @Test
    void aBlankFirstIdempotencyKeyDoesNotMakeAPostRetryable() {
        dropAfterRequestThenCreate();
        OkHttpClient client =
                RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();

        assertThatThrownBy(() -> client.newCall(post("", "order-1")).execute()).isInstanceOf(IOException.class);

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theFirstIdempotencyKeyMakesAPostRetryable() throws IOException {
        dropAfterRequestThenCreate();
        OkHttpClient client =
                RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();

        try (Response response = client.newCall(post("order-1", "")).execute()) {
            assertThat(response.code()).isEqualTo(201);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anInterceptorAddedAfterInstallSeesExactlyTheServersHeaders() throws IOException {
        server.enqueue(unavailable("1"));
        server.enqueue(new MockResponse.Builder().body("ok").build());
        List<Headers> seen = new CopyOnWriteArrayList<>();
        OkHttpClient client = RetryInterceptor.install(new OkHttpClient.Builder(), policy)
                .addInterceptor(chain -> {
                    Response response = chain.proceed(chain.request());
                    seen.add(response.headers());
                    return response;
                })
                .build();

        try (Response response = client.newCall(
                        new Request.Builder().url(server.url("/")).build())
                .execute()) {
            assertThat(response.code()).isEqualTo(200);
        }

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).values("Retry-After")).containsExactly("1");
        assertThat(seen.get(0).names()).noneMatch(name -> name.startsWith("Tenax"));
    }

    @Test
    void aCallOnTheFactorysClientSeesExactlyTheServersHeaders() throws IOException {
        server.enqueue(unavailable("0"));
        server.enqueue(unavailable("1"));
        RetryingCallFactory factory = RetryingCallFactory.create(new OkHttpClient(), policy);

        try (Response response = factory.client()
                .newCall(new Request.Builder().url(server.url("/")).build())
                .execute()) {
            // a call of the client itself is OkHttp's alone: its own 503 follow-up included
            assertThat(response.headers().values("Retry-After")).containsExactly("1");
            assertThat(response.headers().names()).noneMatch(name -> name.startsWith("Tenax"));
        }
    }

    @Test
    void theCallerSeesARetryAfterZeroAsTheServerSentIt() throws IOException {
        server.enqueue(unavailable("0"));
        server.enqueue(new MockResponse.Builder().code(201).build());
        RetryingCallFactory factory = RetryingCallFactory.create(new OkHttpClient(), policy);

        try (Response response = factory.newCall(post()).execute()) {
            assertThat(response.code()).isEqualTo(503);
            assertThat(response.headers().values("Retry-After")).containsExactly("0");
            assertThat(response.header("X-Trace")).isEqualTo("t1");
        }
        assertThat(server.getRequestCount())
                .as("neither OkHttp nor Tenax re-sent the POST")
                .isEqualTo(1);
    }

    @Test
    void aRetryAfterBeyondIntNeitherBreaksTheCallNorReachesTheCaller() throws IOException {
        // OkHttp parses an all-digits last value as an int: this one would throw NumberFormatException
        server.enqueue(unavailable("99999999999999999999"));
        server.enqueue(new MockResponse.Builder().body("ok").build());
        OkHttpClient client =
                RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();

        try (Response response = client.newCall(
                        new Request.Builder().url(server.url("/")).build())
                .execute()) {
            assertThat(response.body().string())
                    .as("an overflowing hint is ignored")
                    .isEqualTo("ok");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
