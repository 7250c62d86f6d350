package dev.tenax.opentelemetry;

import static dev.tenax.opentelemetry.InMemoryTracing.events;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.Tenax;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.jdk.RetryingHttpClient;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The JDK client's {@code sendAsync} judges each response on the client's threads: with the propagator registered
 * for every policy, the retry of a 503 is an event on the caller's span, with the status.
 */
@ResourceLock("dev.tenax.Tenax")
class JdkSendAsyncTracingTest {
    private final InMemoryTracing tracing = new InMemoryTracing();
    private final VirtualTime time = VirtualTime.install();
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
        Tenax.setContextPropagators(List.of(TenaxTracing.contextPropagator()));
    }

    @AfterEach
    void stop() {
        Tenax.setContextPropagators(null);
        server.close();
        time.close();
        tracing.close();
    }

    @Test
    void theRetryOfA503IsAnEventOnTheCallersSpan() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .name("orders")
                .listener(TenaxTracing.listener())
                .build();
        HttpClient client = RetryingHttpClient.wrap(HttpClient.newHttpClient(), policy);
        HttpRequest request = HttpRequest.newBuilder(
                        server.url("/orders/7?token=s3cret").uri())
                .build();

        Span parent = tracing.startSpan("show-order");
        HttpResponse<String> response;
        try {
            CompletableFuture<HttpResponse<String>> call;
            try (Scope scope = parent.makeCurrent()) {
                call = client.sendAsync(request, BodyHandlers.ofString());
            }
            response = call.get(30, TimeUnit.SECONDS);
        } finally {
            parent.end();
        }

        assertThat(response.statusCode()).isEqualTo(200);
        SpanData span = tracing.exported("show-order");
        List<EventData> retries = events(span, "tenax.retry");
        assertThat(retries).hasSize(1);
        Attributes retry = retries.get(0).getAttributes();
        assertThat(retry.get(longKey("http.response.status_code"))).isEqualTo(503L);
        assertThat(retry.get(stringKey("error.type"))).isEqualTo("http_503");
        assertThat(retry.get(stringKey("tenax.policy"))).isEqualTo("orders");
        assertThat(events(span, "tenax.giveup")).isEmpty();
        assertThat(span.toString()).doesNotContain("s3cret").doesNotContain("/orders");
        assertThat(tracing.allExported()).containsExactly(span);
        System.out.println("exported: " + span);
    }
}
