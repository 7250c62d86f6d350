package dev.tenax.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ContractRequest;
import dev.tenax.testkit.ContractResponse;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13, defect 4: each attempt gets at most the time left before the deadline, and at most
 * {@code attemptTimeout}, through a {@code RequestConfig} in the call's context; expiry is HttpClient's own
 * timeout exception, retried only when the request is idempotent. Real time: the timeouts are HttpClient's.
 */
@ResourceLock("dev.tenax.Tenax")
class AttemptTimeoutTest {
    /** How long the server holds the headers of a slow answer: far beyond every timeout below. */
    private static final long HEADERS_DELAY_SECONDS = 4;

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void startServer() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static HttpRetryPolicy.Builder policy() {
        return HttpRetryPolicy.builder()
                .waitInitial(Duration.ofMillis(10))
                .waitJitter(Duration.ZERO)
                .budget(RetryBudget.unlimited());
    }

    private static MockResponse slow(String body) {
        return new MockResponse.Builder()
                .body(body)
                .headersDelay(HEADERS_DELAY_SECONDS, TimeUnit.SECONDS)
                .build();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @ParameterizedTest
    @EnumSource(ApacheVariant.class)
    void thePolicyTimeoutBoundsTheAttemptInFlight(ApacheVariant variant) throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        server.enqueue(slow("too late"));

        try (ContractClient client =
                variant.client(policy().timeout(Duration.ofSeconds(1)).build())) {
            long start = System.nanoTime();
            assertThatThrownBy(() ->
                            client.send(ContractRequest.get(server.url("/").uri())))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(since(start)).isLessThan(Duration.ofSeconds(HEADERS_DELAY_SECONDS));
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(ApacheVariant.class)
    void anAttemptThatOverrunsTheAttemptTimeoutIsRetriedWhenIdempotent(ApacheVariant variant) throws Exception {
        server.enqueue(slow("too late"));
        server.enqueue(new MockResponse.Builder().body("ok").build());

        try (ContractClient client =
                variant.client(policy().attemptTimeout(Duration.ofSeconds(1)).build())) {
            long start = System.nanoTime();
            ContractResponse response =
                    client.send(ContractRequest.get(server.url("/").uri()));
            assertThat(since(start)).isLessThan(Duration.ofSeconds(HEADERS_DELAY_SECONDS));
            assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(ApacheVariant.class)
    void aPostThatOverrunsTheAttemptTimeoutIsNotSentAgain(ApacheVariant variant) throws Exception {
        server.enqueue(slow("too late"));
        server.enqueue(new MockResponse.Builder().body("twice").build());

        try (ContractClient client =
                variant.client(policy().attemptTimeout(Duration.ofSeconds(1)).build())) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.send(
                            ContractRequest.of("POST", server.url("/").uri(), "order")))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(since(start)).isLessThan(Duration.ofSeconds(HEADERS_DELAY_SECONDS));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ApacheVariant.class)
    void aSmallerResponseTimeoutOfTheClientIsKept(ApacheVariant variant) throws Exception {
        server.enqueue(new MockResponse.Builder()
                .body("after two seconds")
                .headersDelay(2, TimeUnit.SECONDS)
                .build());
        RequestConfig defaults = RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(500))
                .build();

        try (ContractClient client = variant.client(
                policy().attempts(1).attemptTimeout(Duration.ofSeconds(3)).build(), defaults)) {
            assertThatThrownBy(() ->
                            client.send(ContractRequest.get(server.url("/").uri())))
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }
}
