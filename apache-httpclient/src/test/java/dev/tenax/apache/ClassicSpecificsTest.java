package dev.tenax.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** What the classic handler does beyond the client contract: HttpClient's own chain, pool and exceptions. */
@ResourceLock("dev.tenax.Tenax")
class ClassicSpecificsTest {
    private final MockWebServer server = new MockWebServer();
    private final PoolingHttpClientConnectionManager pool =
            PoolingHttpClientConnectionManagerBuilder.create().build();
    private VirtualTime time = VirtualTime.install();

    @BeforeEach
    void startServer() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stop() {
        time.close();
        pool.close(CloseMode.IMMEDIATE);
        server.close();
    }

    private static HttpRetryPolicy.Builder policy() {
        return HttpRetryPolicy.builder().budget(RetryBudget.unlimited());
    }

    private CloseableHttpClient client(HttpClientBuilder builder) {
        return builder.setConnectionManager(pool)
                .setConnectionManagerShared(true)
                .build();
    }

    private static MockResponse status(int code, String body, String... headers) {
        MockResponse.Builder builder = new MockResponse.Builder().code(code).body(body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.addHeader(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    private int execute(CloseableHttpClient client, org.apache.hc.core5.http.ClassicHttpRequest request)
            throws IOException {
        return client.execute(request, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    private int execute(
            CloseableHttpClient client, org.apache.hc.core5.http.ClassicHttpRequest request, HttpClientContext context)
            throws IOException {
        return client.execute(request, context, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    private static HttpPost post(java.net.URI uri) {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new StringEntity("{\"n\":1}", ContentType.APPLICATION_JSON));
        return post;
    }

    @Test
    void httpClientsOwnStrategyResendsAPostAnsweredServiceUnavailable() throws IOException {
        server.enqueue(status(503, "busy", "Retry-After", "0"));
        server.enqueue(status(201, "created twice"));

        try (CloseableHttpClient plain = client(HttpClients.custom())) {
            assertThat(execute(plain, post(server.url("/orders").uri()))).isEqualTo(201);
        }

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void installReplacesTheBuiltInStrategySoAPostAnsweredServiceUnavailableIsSentOnce() throws IOException {
        server.enqueue(status(503, "busy", "Retry-After", "0"));
        server.enqueue(status(201, "created twice"));

        try (CloseableHttpClient client = client(RetryExecHandler.install(HttpClients.custom(), policy().build()))) {
            assertThat(execute(client, post(server.url("/orders").uri()))).isEqualTo(503);
        }

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aPolicyInTheContextOverridesTheHandlersForThatRequest() throws IOException {
        server.enqueue(status(503, "busy"));
        server.enqueue(status(200, "ok"));
        server.enqueue(status(503, "busy"));
        server.enqueue(status(200, "ok"));
        HttpRetryPolicy noRetries = policy().attempts(1).build();
        HttpClientContext retrying = HttpClientContext.create();
        retrying.setAttribute(
                RetryExecHandler.POLICY_ATTRIBUTE, policy().attempts(3).build());

        try (CloseableHttpClient client = client(RetryExecHandler.install(HttpClients.custom(), noRetries))) {
            assertThat(execute(client, new HttpGet(server.url("/a").uri()), retrying))
                    .isEqualTo(200);
            assertThat(execute(client, new HttpGet(server.url("/b").uri()))).isEqualTo(503);
        }

        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void noLeasedConnectionsAfterTwoHundredRetriedResponsesWithLongBodies() throws IOException {
        String longBody = "x".repeat(64 * 1024); // beyond what a release reads: the connection is dropped instead
        AtomicInteger count = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return count.getAndIncrement() % 2 == 0 ? status(503, longBody) : status(200, "ok");
            }
        });

        try (CloseableHttpClient client = client(RetryExecHandler.install(HttpClients.custom(), policy().build()))) {
            for (int i = 0; i < 200; i++) {
                assertThat(execute(client, new HttpGet(server.url("/" + i).uri())))
                        .isEqualTo(200);
            }
        }

        assertThat(server.getRequestCount()).isEqualTo(400);
        assertThat(pool.getTotalStats().getLeased()).isZero();
    }

    @Test
    void aProtocolErrorIsRethrownAsHttpClientReportsItAndNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        HttpClientBuilder builder = RetryExecHandler.install(HttpClients.custom(), policy().build())
                .addExecInterceptorAfter(ChainElement.RETRY.name(), "broken", (request, scope, chain) -> {
                    calls.incrementAndGet();
                    throw new ProtocolException("malformed");
                });

        try (CloseableHttpClient client = client(builder)) {
            assertThatThrownBy(() -> execute(client, new HttpGet(server.url("/").uri())))
                    .isInstanceOf(ClientProtocolException.class)
                    .cause()
                    .isInstanceOf(ProtocolException.class)
                    .hasMessage("malformed");
        } catch (IOException e) {
            throw new AssertionError(e);
        }

        assertThat(calls).hasValue(1);
    }

    @Test
    void theHandlerSaysWhatItIs() {
        HttpRetryPolicy policy = policy().attempts(2).build();

        assertThat(RetryExecHandler.create(policy).policy()).isSameAs(policy);
        assertThat(RetryExecHandler.create().toString()).startsWith("RetryExecHandler[");
    }
}
