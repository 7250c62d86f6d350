package dev.tenax.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import java.io.IOException;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Protocol;
import okio.ByteString;
import org.junit.jupiter.api.Test;

/**
 * The contract's HTTP/2 scenarios (issue 13, defect 8), on a MockWebServer that speaks h2 with prior knowledge
 * over cleartext. A variant whose client cannot speak it answers {@code false} to
 * {@link #speaksHttp2PriorKnowledge()}, with a comment naming what its client lacks; the scenarios are then
 * skipped.
 */
public interface Http2Scenarios {
    /** HTTP/2's REFUSED_STREAM error code (RFC 9113, section 7). */
    int REFUSED_STREAM = 0x7;

    /** HTTP/2's INTERNAL_ERROR error code. */
    int INTERNAL_ERROR = 0x2;

    /**
     * Whether the variant's client speaks HTTP/2 with prior knowledge on {@code http://} (no upgrade).
     *
     * @return whether the scenarios apply
     */
    boolean speaksHttp2PriorKnowledge();

    /**
     * A client of the variant that speaks HTTP/2 with prior knowledge; called only when
     * {@link #speaksHttp2PriorKnowledge()} says it can.
     *
     * @param policy the policy
     * @return a new client; the scenario closes it
     */
    default ContractClient newHttp2Client(HttpRetryPolicy policy) {
        throw new UnsupportedOperationException("this variant does not speak HTTP/2 with prior knowledge");
    }

    private static MockWebServer h2Server() throws IOException {
        MockWebServer server = new MockWebServer();
        server.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
        return server;
    }

    private ContractClient h2Client() {
        assumeTrue(speaksHttp2PriorKnowledge(), "the variant's client does not speak h2 with prior knowledge");
        return newHttp2Client(
                HttpRetryPolicy.builder().budget(RetryBudget.unlimited()).build());
    }

    @Test
    default void aRetriedResponseOverHttp2IsSentAgainOnAStream() throws Exception {
        try (ContractClient client = h2Client();
                MockWebServer server = h2Server()) {
            server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
            server.enqueue(new MockResponse.Builder().body("ok").build());

            ContractResponse response =
                    client.send(ContractRequest.get(server.url("/").uri()));

            assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
            assertThat(server.takeRequest().getVersion()).isEqualTo("HTTP/2");
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    default void aRefusedStreamIsRetriedEvenForAPost() throws Exception {
        try (ContractClient client = h2Client();
                MockWebServer server = h2Server()) {
            // The reset comes at response start, not request start: MockWebServer refuses an onRequestStart
            // stream first and takes its response off the queue only after, so a retry quick enough to arrive in
            // between saw the refusal a second time and then an empty queue (a 10 s read timeout, once in CI under
            // load). To the client the two are the same: REFUSED_STREAM before any response header.
            server.enqueue(new MockResponse.Builder()
                    .onResponseStart(new SocketEffect.CloseStream(REFUSED_STREAM))
                    .build());
            server.enqueue(new MockResponse.Builder().code(201).body("created").build());

            ContractResponse response =
                    client.send(ContractRequest.of("POST", server.url("/orders").uri(), "order"));

            assertThat(response).isEqualTo(new ContractResponse(201, "created"));
            assertThat(server.getRequestCount()).isEqualTo(2);
            server.takeRequest(); // the refused stream
            RecordedRequest processed = server.takeRequest();
            assertThat(processed.getMethod()).isEqualTo("POST");
            assertThat(processed.getBody()).isEqualTo(ByteString.encodeUtf8("order"));
        }
    }

    @Test
    default void aPostWhoseStreamIsResetAfterTheServerReadItIsNotSentAgain() throws Exception {
        try (ContractClient client = h2Client();
                MockWebServer server = h2Server()) {
            server.enqueue(new MockResponse.Builder()
                    .onResponseStart(new SocketEffect.CloseStream(INTERNAL_ERROR))
                    .build());
            server.enqueue(
                    new MockResponse.Builder().code(201).body("created twice").build());

            assertThatThrownBy(() -> client.send(
                            ContractRequest.of("POST", server.url("/orders").uri(), "order")))
                    .isInstanceOf(IOException.class);

            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }
}
