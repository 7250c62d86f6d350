package dev.tenax.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.okhttp.RetryInterceptor;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.okhttp.v3_0.OkHttpTelemetry;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** What OpenTelemetry's OkHttp instrumentation library records for a call Tenax re-sends. */
@ResourceLock("dev.tenax.Tenax")
class OkHttpInstrumentationTest {
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final InMemoryTracing tracing = new InMemoryTracing();
    private final VirtualTime time = VirtualTime.install();
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        time.close();
        tracing.close();
    }

    /**
     * Observed with opentelemetry-okhttp-3.0 2.31.1-alpha: one client span per attempt, each a child of the
     * caller's span; the re-sent attempt's span has {@code http.request.resend_count = 1} (the instrumentation
     * counts the sends of one {@code Call}, and Tenax re-sends inside it); Tenax's event is on the caller's span.
     */
    @Test
    void eachAttemptIsAClientSpanUnderTheCallersAndTheResendIsCounted() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .name("okhttp")
                .listener(TenaxTracing.listener())
                .build();
        OkHttpClient client =
                RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();
        Call.Factory traced =
                OkHttpTelemetry.builder(tracing.openTelemetry()).build().createCallFactory(client);

        Span parent = tracing.startSpan("caller");
        try (Scope scope = parent.makeCurrent();
                Response response = traced.newCall(
                                new Request.Builder().url(server.url("/a")).build())
                        .execute()) {
            assertThat(response.code()).isEqualTo(200);
        } finally {
            parent.end();
        }

        SpanData caller = tracing.exported("caller");
        List<SpanData> attempts = tracing.allExported().stream()
                .filter(span -> span.getKind() == SpanKind.CLIENT)
                .toList();
        assertThat(attempts).hasSize(2).allSatisfy(attempt -> {
            assertThat(attempt.getTraceId()).isEqualTo(caller.getTraceId());
            assertThat(attempt.getParentSpanId()).isEqualTo(caller.getSpanId());
        });
        SpanData first = attempts.get(0);
        SpanData resent = attempts.get(1);
        assertThat(first.getAttributes().get(STATUS)).isEqualTo(503L);
        assertThat(first.getAttributes().get(RESEND_COUNT)).isNull();
        // the instrumentation's own error.type is the semantic conventions' bare status; Tenax's is http_503
        assertThat(first.getAttributes().get(ERROR_TYPE)).isEqualTo("503");
        assertThat(resent.getAttributes().get(STATUS)).isEqualTo(200L);
        assertThat(resent.getAttributes().get(RESEND_COUNT)).isEqualTo(1L);
        assertThat(InMemoryTracing.events(caller, "tenax.retry"))
                .singleElement()
                .satisfies(retry ->
                        assertThat(retry.getAttributes().get(ERROR_TYPE)).isEqualTo("http_503"));
        assertThat(first.getEvents()).isEmpty();
    }
}
