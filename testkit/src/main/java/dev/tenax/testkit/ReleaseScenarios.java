package dev.tenax.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * Releasing a retried response is bounded in bytes and time (issue 13): what is buffered or arrives within a few
 * milliseconds is drained, a body that trickles is abandoned, never waited for.
 */
public interface ReleaseScenarios extends ScenarioHost {
    @Test
    default void aRetriedResponseWhoseBodyTricklesDoesNotHoldUpTheRetry() throws Exception {
        // real time: the trickle is real, so the deadline it could blow must be too
        useRealTime();
        mockServer()
                .enqueue(new MockResponse.Builder()
                        .code(503)
                        .body("x".repeat(16 * 1024))
                        .throttleBody(1024, 2, TimeUnit.SECONDS)
                        .build());
        mockServer().enqueue(new MockResponse.Builder().body("ok").build());
        ContractClient client = scenarioClient(scenarioPolicy()
                .attempts(2)
                .timeout(Duration.ofSeconds(5))
                .waitInitial(Duration.ofMillis(10))
                .waitJitter(Duration.ZERO));
        long start = System.nanoTime();

        ContractResponse response =
                client.send(ContractRequest.get(mockServer().url("/").uri()));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
        // 1 KiB every 2 s: the drain limit (8 KiB) would take 14 s to arrive, the whole body 30 s
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }
}
