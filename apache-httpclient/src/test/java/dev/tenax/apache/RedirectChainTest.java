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
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 13, defect 9: HttpClient follows redirects above the {@code RETRY} element Tenax replaces, so each hop is
 * an HttpClient call of its own: a failing hop is re-sent alone, judged by its own method, and the hops before it
 * (a POST answered 303) are never sent again.
 */
@ResourceLock("dev.tenax.Tenax")
class RedirectChainTest {
    private final MockWebServer server = new MockWebServer();
    private final VirtualTime time = VirtualTime.install();

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

    private static HttpRetryPolicy.Builder policy() {
        return HttpRetryPolicy.builder().budget(RetryBudget.unlimited());
    }

    private static MockResponse seeOther(String location) {
        return new MockResponse.Builder()
                .code(303)
                .addHeader("Location", location)
                .build();
    }

    private List<String> requestLines(int count) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = server.takeRequest();
            lines.add(request.getMethod() + " " + request.getTarget());
        }
        return lines;
    }

    @ParameterizedTest
    @EnumSource(ApacheVariant.class)
    void onlyTheFailingHopOfARedirectChainIsSentAgain(ApacheVariant variant) throws Exception {
        server.enqueue(seeOther("/b"));
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        server.enqueue(new MockResponse.Builder().body("ok").build());

        try (ContractClient client = variant.client(policy().build())) {
            ContractResponse response =
                    client.send(ContractRequest.of("POST", server.url("/a").uri(), "order"));

            assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
        }
        assertThat(requestLines(3)).containsExactly("POST /a", "GET /b", "GET /b");
    }

    @ParameterizedTest
    @EnumSource(ApacheVariant.class)
    void aRedirectedPostIsNeverSentAgainWhenItsLaterHopKeepsFailing(ApacheVariant variant) throws Exception {
        server.enqueue(seeOther("/b"));
        server.enqueue(new MockResponse.Builder().code(503).body("busy 1").build());
        server.enqueue(new MockResponse.Builder().code(503).body("busy 2").build());
        server.enqueue(new MockResponse.Builder().body("too late").build());

        try (ContractClient client = variant.client(policy().attempts(2).build())) {
            ContractResponse response =
                    client.send(ContractRequest.of("POST", server.url("/a").uri(), "order"));

            assertThat(response).isEqualTo(new ContractResponse(503, "busy 2"));
        }
        assertThat(requestLines(3)).containsExactly("POST /a", "GET /b", "GET /b");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }
}
