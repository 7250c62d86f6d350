package dev.tenax.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 13: each attempt gets at most the time left and the attempt timeout, through OkHttp's own timeouts; the
 * call factory honours the call's own timeout once for the whole call. Real time: OkHttp's timeouts are real. The
 * bounds say only "ended before the slow server answered", never how close to the limit.
 */
@ResourceLock("dev.tenax.Tenax")
class OkHttpTimeoutsTest {
    private static final Duration SLOW = Duration.ofSeconds(4);
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static HttpRetryPolicy.Builder policy() {
        return HttpRetryPolicy.builder()
                .budget(RetryBudget.unlimited())
                .waitInitial(Duration.ofMillis(10))
                .waitJitter(Duration.ZERO);
    }

    private static MockResponse slow(int code) {
        return new MockResponse.Builder()
                .code(code)
                .headersDelay(SLOW.toMillis(), TimeUnit.MILLISECONDS)
                .body("slow " + code)
                .build();
    }

    private static MockResponse fast(int code) {
        return new MockResponse.Builder().code(code).body("fast " + code).build();
    }

    private Request get() {
        return new Request.Builder().url(server.url("/")).build();
    }

    private Request post() {
        return new Request.Builder()
                .url(server.url("/orders"))
                .post(RequestBody.create("{}", MediaType.get("application/json")))
                .build();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private OkHttpClient interceptorClient(HttpRetryPolicy policy) {
        return RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();
    }

    @Test
    void thePolicyTimeoutEndsAnAttemptInFlightThroughOkHttpsReadTimeout() {
        server.enqueue(fast(503));
        server.enqueue(slow(200));
        OkHttpClient client =
                interceptorClient(policy().timeout(Duration.ofSeconds(1)).build());
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.newCall(get()).execute()).isInstanceOf(InterruptedIOException.class);

        assertThat(since(start)).isLessThan(SLOW);
    }

    @Test
    void theAttemptTimeoutEndsASlowGetAndTheRetrySucceeds() throws IOException {
        server.enqueue(slow(200));
        server.enqueue(fast(200));
        OkHttpClient client = interceptorClient(
                policy().attemptTimeout(Duration.ofMillis(500)).build());
        long start = System.nanoTime();

        try (Response response = client.newCall(get()).execute()) {
            assertThat(response.body().string()).isEqualTo("fast 200");
        }

        assertThat(since(start)).isLessThan(SLOW);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aPostWhoseAttemptTimedOutIsNotSentAgain() {
        server.enqueue(slow(201));
        server.enqueue(fast(201));
        RetryingCallFactory factory = RetryingCallFactory.create(
                new OkHttpClient(),
                policy().attemptTimeout(Duration.ofMillis(500)).build());

        assertThatThrownBy(() -> factory.newCall(post()).execute())
                .isInstanceOf(InterruptedIOException.class)
                .hasMessage("timeout");

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theCallFactoryRetriesAGetWhoseAttemptTimedOut() throws IOException {
        server.enqueue(slow(200));
        server.enqueue(fast(200));
        RetryingCallFactory factory = RetryingCallFactory.create(
                new OkHttpClient(),
                policy().attemptTimeout(Duration.ofMillis(500)).build());
        long start = System.nanoTime();

        try (Response response = factory.newCall(get()).execute()) {
            assertThat(response.body().string()).isEqualTo("fast 200");
        }

        assertThat(since(start)).isLessThan(SLOW);
    }

    @Test
    void theCallFactoryHonoursTheCallsOwnTimeout() {
        server.enqueue(slow(200));
        RetryingCallFactory factory = RetryingCallFactory.create(new OkHttpClient(), policy().build());
        Call call = factory.newCall(get());
        call.timeout().timeout(1, TimeUnit.SECONDS);
        long start = System.nanoTime();

        assertThatThrownBy(call::execute).isInstanceOf(InterruptedIOException.class);

        assertThat(since(start)).isLessThan(SLOW);
    }

    @Test
    void theClientsCallTimeoutBoundsTheWholeCallNotEachAttempt() {
        // each answer alone fits in the 3 s call timeout; the two together (and the retry's wait) do not
        Duration half = Duration.ofSeconds(2);
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .headersDelay(half.toMillis(), TimeUnit.MILLISECONDS)
                .build());
        server.enqueue(new MockResponse.Builder()
                .headersDelay(half.toMillis(), TimeUnit.MILLISECONDS)
                .body("too late")
                .build());
        RetryingCallFactory factory = RetryingCallFactory.create(
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(3)).build(), policy().build());
        long start = System.nanoTime();

        assertThatThrownBy(() -> factory.newCall(get()).execute()).isInstanceOf(InterruptedIOException.class);

        assertThat(since(start)).isLessThan(half.multipliedBy(2));
    }
}
