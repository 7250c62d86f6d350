package dev.tenax.apache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.ContextPropagator;
import dev.tenax.RetryDetails;
import dev.tenax.http.HttpRetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * {@link ContextPropagator} SPI) is in place when the listener runs and when each attempt goes down the exec
 * chain, although the retry starts on a thread other than the caller's.
 */
class AsyncContextTest {
    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();
    private static final ContextPropagator TENANT_PROPAGATOR = () -> {
        String captured = TENANT.get();
        return () -> {
            String previous = TENANT.get();
            TENANT.set(captured);
            return () -> TENANT.set(previous);
        };
    };

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
        List<String> listenerSaw = new CopyOnWriteArrayList<>();
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .attempts(2)
                .waitInitial(Duration.ofMillis(1))
                .waitJitter(Duration.ZERO)
                .contextPropagator(TENANT_PROPAGATOR)
                .listener((RetryDetails details) -> listenerSaw.add(String.valueOf(TENANT.get())))
                .build();
        AsyncExecChainHandler recordsEachAttempt = (request, entity, scope, chain, callback) -> {
            sentWith.add(String.valueOf(TENANT.get()));
            chain.proceed(request, entity, scope, callback);
        };
        CloseableHttpAsyncClient client = AsyncRetryExecHandler.install(
                        HttpAsyncClients.custom()
                                .addExecInterceptorAfter(ChainElement.RETRY.name(), "records", recordsEachAttempt),
                        policy)
                .build();
        client.start();
        try {
            TENANT.set("acme");
            java.util.concurrent.Future<SimpleHttpResponse> call;
            try {
                call = client.execute(
                        SimpleRequestBuilder.get(server.url("/").uri()).build(), null);
            } finally {
                TENANT.remove();
            }

            assertThat(call.get(30, TimeUnit.SECONDS).getCode()).isEqualTo(200);
            assertThat(sentWith).as("each attempt down the chain").containsExactly("acme", "acme");
            assertThat(listenerSaw).containsExactly("acme");
        } finally {
            client.close(CloseMode.IMMEDIATE);
        }
    }
}
