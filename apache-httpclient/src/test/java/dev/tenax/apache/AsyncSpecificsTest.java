package dev.tenax.apache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.Eventually;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** What the async handler does beyond the client contract: HttpClient's own chain, pool and I/O threads. */
@ResourceLock("dev.tenax.Tenax")
class AsyncSpecificsTest {
    private final MockWebServer server = new MockWebServer();
    private final PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(200)
            .setMaxConnPerRoute(200)
            .build();
    private final List<CloseableHttpAsyncClient> clients = new ArrayList<>();
    private @Nullable VirtualTime time = VirtualTime.install();

    @BeforeEach
    void startServer() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stop() {
        realTime();
        clients.forEach(c -> c.close(CloseMode.IMMEDIATE));
        pool.close(CloseMode.IMMEDIATE);
        server.close();
    }

    private void realTime() {
        VirtualTime t = time;
        if (t != null) {
            t.close();
            time = null;
        }
    }

    private static HttpRetryPolicy.Builder policy() {
        return HttpRetryPolicy.builder().budget(RetryBudget.unlimited());
    }

    private CloseableHttpAsyncClient client(HttpAsyncClientBuilder builder) {
        CloseableHttpAsyncClient client = builder.setConnectionManager(pool)
                .setConnectionManagerShared(true)
                .build();
        clients.add(client);
        client.start();
        return client;
    }

    private CloseableHttpAsyncClient client(HttpRetryPolicy policy) {
        return client(AsyncRetryExecHandler.install(HttpAsyncClients.custom(), policy));
    }

    private static MockResponse status(int code, String body, String... headers) {
        MockResponse.Builder builder = new MockResponse.Builder().code(code).body(body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.addHeader(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    private URI uri(String path) {
        return server.url(path).uri();
    }

    private static SimpleHttpResponse await(Future<SimpleHttpResponse> future) throws Exception {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static SimpleHttpRequest post(URI uri) {
        return SimpleRequestBuilder.post(uri)
                .setBody("{\"n\":1}", ContentType.APPLICATION_JSON)
                .build();
    }

    @Test
    void httpClientsOwnStrategyResendsAPostAnsweredServiceUnavailable() throws Exception {
        server.enqueue(status(503, "busy", "Retry-After", "0"));
        server.enqueue(status(201, "created twice"));

        SimpleHttpResponse response = await(client(HttpAsyncClients.custom()).execute(post(uri("/orders")), null));

        assertThat(response.getCode()).isEqualTo(201);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void installReplacesTheBuiltInStrategySoAPostAnsweredServiceUnavailableIsSentOnce() throws Exception {
        server.enqueue(status(503, "busy", "Retry-After", "0"));
        server.enqueue(status(201, "created twice"));

        SimpleHttpResponse response = await(client(policy().build()).execute(post(uri("/orders")), null));

        assertThat(response.getCode()).isEqualTo(503);
        assertThat(response.getBodyText()).isEqualTo("busy");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aPolicyInTheContextOverridesTheHandlersForThatRequest() throws Exception {
        server.enqueue(status(503, "busy"));
        server.enqueue(status(200, "ok"));
        server.enqueue(status(503, "busy"));
        server.enqueue(status(200, "ok"));
        CloseableHttpAsyncClient client = client(policy().attempts(1).build());
        HttpClientContext retrying = HttpClientContext.create();
        retrying.setAttribute(
                RetryExecHandler.POLICY_ATTRIBUTE, policy().attempts(3).build());

        SimpleHttpResponse overridden =
                await(client.execute(SimpleRequestBuilder.get(uri("/a")).build(), retrying, null));
        SimpleHttpResponse plain =
                await(client.execute(SimpleRequestBuilder.get(uri("/b")).build(), null));

        assertThat(overridden.getCode()).isEqualTo(200);
        assertThat(plain.getCode()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRetriedResponsesConnectionGoesBackToThePoolForTheRetry() throws Exception {
        server.enqueue(status(503, "x".repeat(1024)));
        server.enqueue(status(200, "ok"));

        SimpleHttpResponse response = await(client(policy().build())
                .execute(SimpleRequestBuilder.get(uri("/")).build(), null));

        assertThat(response.getCode()).isEqualTo(200);
        RecordedRequest first = server.takeRequest();
        RecordedRequest retry = server.takeRequest();
        assertThat(retry.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
        assertThat(retry.getExchangeIndex()).isEqualTo(1);
    }

    @Test
    void noLeasedConnectionsAfterTwoHundredRetriedResponsesWithLongBodies() throws Exception {
        String longBody = "x".repeat(64 * 1024);
        AtomicInteger count = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return count.getAndIncrement() % 2 == 0 ? status(503, longBody) : status(200, "ok");
            }
        });
        CloseableHttpAsyncClient client = client(policy().build());

        for (int i = 0; i < 200; i++) {
            SimpleHttpResponse response =
                    await(client.execute(SimpleRequestBuilder.get(uri("/" + i)).build(), null));
            assertThat(response.getCode()).isEqualTo(200);
        }

        assertThat(server.getRequestCount()).isEqualTo(400);
        // HttpClient releases a call's connection on its I/O thread just after completing the call's future
        assertThat(Eventually.drained(() -> pool.getTotalStats().getLeased())).isZero();
    }

    @Test
    void twoHundredWaitingCallsLeaveTheOneIoThreadFreeForOtherExchanges() throws Exception {
        realTime();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return "/probe".equals(request.getTarget()) ? status(200, "ok") : status(503, "busy");
            }
        });
        AtomicInteger retriesScheduled = new AtomicInteger();
        HttpRetryPolicy waitsAnHour = policy().waitInitial(Duration.ofHours(1))
                .waitMax(Duration.ofHours(1))
                .waitJitter(Duration.ZERO)
                .noTimeout()
                .listener(d -> retriesScheduled.incrementAndGet())
                .build();
        CloseableHttpAsyncClient client = client(AsyncRetryExecHandler.install(HttpAsyncClients.custom(), waitsAnHour)
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build()));

        List<Future<SimpleHttpResponse>> waiting = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            waiting.add(client.execute(SimpleRequestBuilder.get(uri("/" + i)).build(), null));
        }
        assertThat(Eventually.holds(() -> retriesScheduled.get() == 200))
                .as("all 200 calls are waiting")
                .isTrue();

        // if a wait held the one I/O thread, no other exchange could run now
        SimpleHttpResponse probe =
                await(client.execute(SimpleRequestBuilder.get(uri("/probe")).build(), null));

        assertThat(probe.getCode()).isEqualTo(200);
        waiting.forEach(call -> call.cancel(true));
        assertThat(server.getRequestCount())
                .as("200 first attempts and the probe; no retry yet")
                .isEqualTo(201);
    }

    @Test
    void aFailureAfterTheResponseWasHandedToTheCallerIsNotRetried() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body("x".repeat(100))
                .onResponseBody(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(status(200, "sent twice"));
        CloseableHttpAsyncClient client = client(policy().build());

        assertThatThrownBy(() ->
                        await(client.execute(SimpleRequestBuilder.get(uri("/")).build(), null)))
                .isInstanceOf(IOException.class);

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aProtocolErrorReachesTheCallerUnchangedAndIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        HttpAsyncClientBuilder builder = AsyncRetryExecHandler.install(HttpAsyncClients.custom(), policy().build())
                .addExecInterceptorAfter(
                        ChainElement.RETRY.name(), "broken", (request, entity, scope, chain, callback) -> {
                            calls.incrementAndGet();
                            throw new ProtocolException("malformed");
                        });
        CloseableHttpAsyncClient client = client(builder);

        assertThatThrownBy(() ->
                        await(client.execute(SimpleRequestBuilder.get(uri("/")).build(), null)))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("malformed");

        assertThat(calls).hasValue(1);
    }

    @Test
    void theHandlerSaysWhatItIs() {
        HttpRetryPolicy policy = policy().attempts(2).build();

        assertThat(AsyncRetryExecHandler.create(policy).policy()).isSameAs(policy);
        assertThat(AsyncRetryExecHandler.create().toString()).startsWith("AsyncRetryExecHandler[");
    }
}
