package dev.tenax.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryBudget;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ContractRequest;
import dev.tenax.testkit.Eventually;
import dev.tenax.testkit.NoDelayServerSockets;
import dev.tenax.testkit.Pending;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A cancel while an attempt is in flight ends the call as a cancel during a wait does: nothing more is sent, and
 * the give-up says {@code CANCELLED} (issue 13: the adapter no longer turns call state into a classification).
 */
@ResourceLock("dev.tenax.Tenax")
class InFlightCancelTest {
    private final MockWebServer server = new MockWebServer();
    private final List<RetryDetails> retries = new CopyOnWriteArrayList<>();
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

    @ParameterizedTest
    @EnumSource(ApacheVariant.class)
    void aCancelWhileTheAttemptIsInFlightSendsNoFurtherRequest(ApacheVariant variant) throws Exception {
        server.enqueue(new MockResponse.Builder()
                .body("slow")
                .headersDelay(10, TimeUnit.SECONDS)
                .build());
        server.enqueue(new MockResponse.Builder().body("sent again").build());
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .budget(RetryBudget.unlimited())
                .listener(new RetryListener() {
                    @Override
                    public void onRetryScheduled(RetryDetails details) {
                        retries.add(details);
                    }

                    @Override
                    public void onGiveUp(GiveUpDetails details) {
                        giveUps.add(details);
                    }
                })
                .build();

        try (ContractClient client = variant.client(policy)) {
            Pending call = client.start(ContractRequest.get(server.url("/").uri()));
            server.takeRequest(); // the attempt is in flight
            call.cancel();

            assertThatThrownBy(call::await).isInstanceOf(Exception.class);
            // the async engine records its give-up when HttpClient's I/O thread reports the cancelled exchange,
            // just after the caller's future: wait for it before the client is closed, which may drop that report
            assertThat(Eventually.holds(() -> !giveUps.isEmpty())).isTrue();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.CANCELLED);
        assertThat(retries).isEmpty(); // the core sees the cancel before it judges the failure
    }
}
