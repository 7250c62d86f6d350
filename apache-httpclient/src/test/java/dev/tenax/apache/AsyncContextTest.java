package dev.tenax.apache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.TenantContext;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: through the async client, the caller's context (a {@link ThreadLocal}, through the
 * {@code ContextPropagator} SPI) is in place when the listener runs and when each attempt goes down the exec
 * chain, although the retry starts on a thread other than the caller's.
 */
class AsyncContextTest {
    private final TenantContext tenant = new TenantContext();

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachAttemptGoesDownTheChainAndTheListenerRunsInTheCallersContext() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        List<String> sentWith = new CopyOnWriteArrayList<>();
        HttpRetryPolicy policy = tenant.policy();
        AsyncExecChainHandler recordsEachAttempt = (request, entity, scope, chain, callback) -> {
            sentWith.add(TenantContext.current());
            chain.proceed(request, entity, scope, callback);
        };
        CloseableHttpAsyncClient client = AsyncRetryExecHandler.install(
                        HttpAsyncClients.custom()
                                .addExecInterceptorAfter(ChainElement.RETRY.name(), "records", recordsEachAttempt),
                        policy)
                .build();
        client.start();
        try {
            Future<SimpleHttpResponse> call = TenantContext.startAs(
                    "acme",
                    () -> client.execute(
                            SimpleRequestBuilder.get(server.url("/").uri()).build(), null));

            assertThat(call.get(30, TimeUnit.SECONDS).getCode()).isEqualTo(200);
            assertThat(sentWith).as("each attempt down the chain").containsExactly("acme", "acme");
            assertThat(tenant.listenerSaw).containsExactly("acme");
        } finally {
            client.close(CloseMode.IMMEDIATE);
        }
    }
}
