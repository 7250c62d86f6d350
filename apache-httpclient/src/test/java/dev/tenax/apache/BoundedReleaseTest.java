package dev.tenax.apache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ContractRequest;
import dev.tenax.testkit.ContractResponse;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13, defect 2: releasing a retried response is bounded in bytes and in time, in both clients. What is
 * buffered (or arrives within a few milliseconds) is drained and the connection reused; a body that trickles, or
 * runs past {@code DRAIN_LIMIT}, is abandoned with its connection at once, never waited for.
 */
@ResourceLock("dev.tenax.Tenax")
class BoundedReleaseTest {
    /** A 4 KiB body (below the drain limit) written 1 KiB every 2 s: at least 6 s to arrive whole. */
    private static final int TRICKLE_BYTES = 4 * 1024;

    private static final Duration TRICKLE_TIME = Duration.ofSeconds(6);

    private final MockWebServer server = new MockWebServer();
    private final VirtualTime time = VirtualTime.install(); // the retry's own wait is not what is measured

    @BeforeEach
    void startServer() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stop() {
        time.close();
        server.close();
    }

    private static HttpRetryPolicy policy() {
        return HttpRetryPolicy.builder()
                .attempts(2)
                .timeout(Duration.ofSeconds(30))
                .budget(RetryBudget.unlimited())
                .build();
    }

    private static MockResponse.Builder unavailable() {
        return new MockResponse.Builder().code(503);
    }

    private ContractResponse sendAndTime(ApacheVariant variant, Duration[] took) throws Exception {
        try (ContractClient client = variant.client(policy())) {
            long start = System.nanoTime();
            ContractResponse response =
                    client.send(ContractRequest.get(server.url("/").uri()));
            took[0] = Duration.ofNanos(System.nanoTime() - start);
            return response;
        }
    }

    private void assertRetriedOnAFreshConnection() throws InterruptedException {
        RecordedRequest first = server.takeRequest();
        RecordedRequest retry = server.takeRequest();
        assertThat(retry.getConnectionIndex()).isNotEqualTo(first.getConnectionIndex());
    }

    @ParameterizedTest
    @EnumSource(ApacheVariant.class)
    void aTricklingRetriedBodyWithALengthIsAbandonedNotWaitedFor(ApacheVariant variant) throws Exception {
        server.enqueue(unavailable()
                .body("x".repeat(TRICKLE_BYTES))
                .throttleBody(1024, 2, TimeUnit.SECONDS)
                .build());
        server.enqueue(new MockResponse.Builder().body("ok").build());
        Duration[] took = new Duration[1];

        ContractResponse response = sendAndTime(variant, took);

        assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
        assertThat(took[0]).isLessThan(TRICKLE_TIME);
        assertRetriedOnAFreshConnection();
    }

    @ParameterizedTest
    @EnumSource(ApacheVariant.class)
    void aTricklingChunkedRetriedBodyIsAbandonedNotWaitedFor(ApacheVariant variant) throws Exception {
        server.enqueue(unavailable()
                .chunkedBody("x".repeat(TRICKLE_BYTES), 512)
                .throttleBody(1024, 2, TimeUnit.SECONDS)
                .build());
        server.enqueue(new MockResponse.Builder().body("ok").build());
        Duration[] took = new Duration[1];

        ContractResponse response = sendAndTime(variant, took);

        assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
        assertThat(took[0]).isLessThan(TRICKLE_TIME);
        assertRetriedOnAFreshConnection();
    }

    @ParameterizedTest
    @EnumSource(ApacheVariant.class)
    void aRetriedBodyBeyondTheDrainLimitIsNotReadToItsEnd(ApacheVariant variant) throws Exception {
        server.enqueue(unavailable().body("x".repeat(1024 * 1024)).build());
        server.enqueue(new MockResponse.Builder().body("ok").build());
        Duration[] took = new Duration[1];

        ContractResponse response = sendAndTime(variant, took);

        assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
        assertRetriedOnAFreshConnection();
    }

    /**
     * How many of {@code tries} retries of a 503 with {@code body} reused the connection of the response they
     * retried. A prompt body is drained, but on a loaded machine one can take longer than the 5 ms window to
     * arrive and be abandoned, rightly: so the scenario runs several times and needs reuse at least once.
     */
    private int reusedConnections(ApacheVariant variant, MockResponse.Builder unavailable, int tries) throws Exception {
        int reused = 0;
        try (ContractClient client = variant.client(policy())) {
            for (int i = 0; i < tries; i++) {
                server.enqueue(unavailable.build());
                server.enqueue(new MockResponse.Builder().body("ok").build());

                assertThat(client.send(ContractRequest.get(server.url("/").uri())))
                        .isEqualTo(new ContractResponse(200, "ok"));
                RecordedRequest first = server.takeRequest();
                RecordedRequest retry = server.takeRequest();
                reused += retry.getConnectionIndex() == first.getConnectionIndex() ? 1 : 0;
            }
        }
        return reused;
    }

    @ParameterizedTest
    @EnumSource(ApacheVariant.class)
    void aShortRetriedBodyIsDrainedSoTheRetryReusesTheConnection(ApacheVariant variant) throws Exception {
        assertThat(reusedConnections(variant, unavailable().body("x".repeat(1024)), 5))
                .isPositive();
    }

    @ParameterizedTest
    @EnumSource(ApacheVariant.class)
    void aShortChunkedRetriedBodyIsDrainedSoTheRetryReusesTheConnection(ApacheVariant variant) throws Exception {
        assertThat(reusedConnections(variant, unavailable().chunkedBody("x".repeat(2048), 512), 5))
                .isPositive();
    }
}
