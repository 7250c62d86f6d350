package dev.tenax.apache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryBudget;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ContractRequest;
import dev.tenax.testkit.ContractResponse;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 13, defect 3, classic client: when the deadline passes during the wait, the call ends with the response
 * that was released (a kept copy: status, headers, the drained body), and no attempt starts after the deadline.
 * Real time: a listener that takes longer than the timeout makes the wait end past the deadline, as a loaded
 * machine would.
 */
@ResourceLock("dev.tenax.Tenax")
class KeptResponseTest {
    private final MockWebServer server = new MockWebServer();
    private final List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theReleasedResponseEndsTheCallWhenTheDeadlinePassesDuringTheWait() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeader("X-Reason", "maintenance")
                .body("busy")
                .build());
        server.enqueue(new MockResponse.Builder().body("after the deadline").build());
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .timeout(Duration.ofSeconds(1))
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .budget(RetryBudget.unlimited())
                .listener(new RetryListener() {
                    @Override
                    public void onRetryScheduled(RetryDetails details) {
                        try {
                            Thread.sleep(1_500); // beyond the 1 s timeout
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void onGiveUp(GiveUpDetails details) {
                        giveUps.add(details);
                    }
                })
                .build();

        try (ContractClient client = new ClassicContractClient(policy)) {
            ContractResponse response =
                    client.send(ContractRequest.get(server.url("/").uri()));

            assertThat(response).isEqualTo(new ContractResponse(503, "busy"));
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.DEADLINE);
    }
}
