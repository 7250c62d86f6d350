package dev.tenax.opentelemetry.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.ContextPropagator;
import dev.tenax.RetryListener;
import dev.tenax.RetryPolicy;
import dev.tenax.Tenax;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.okhttp.RetryInterceptor;
import dev.tenax.opentelemetry.TenaxTracing;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.instrumentation.okhttp.v3_0.OkHttpTelemetry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The examples of the OpenTelemetry section of docs/instrumentation.md, copied into the guide as they are; in a
 * package of their own, so that the guide shows the imports a user writes.
 */
@ResourceLock("dev.tenax.Tenax")
class OpenTelemetryDocsExamplesTest {
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build();
    private final Tracer tracer = provider.get("examples");
    private final OpenTelemetry openTelemetry = new OpenTelemetry() {
        @Override
        public TracerProvider getTracerProvider() {
            return provider;
        }

        @Override
        public ContextPropagators getPropagators() {
            return ContextPropagators.noop();
        }
    };
    private final VirtualTime time = VirtualTime.install();
    private final AtomicInteger fetches = new AtomicInteger();

    @AfterEach
    void close() {
        Tenax.setListeners(null);
        Tenax.setContextPropagators(null);
        time.close();
        provider.close();
    }

    /** Fails once, then answers. */
    private String fetchUser(int id) throws IOException {
        if (fetches.incrementAndGet() == 1) {
            throw new IOException("connection reset");
        }
        return "user " + id;
    }

    /** {@link #fetchUser} on another thread. */
    private CompletableFuture<String> fetchUserAsync(int id) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return fetchUser(id);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    private List<String> eventsOf(String spanName) {
        return exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(spanName))
                .flatMap(span -> span.getEvents().stream())
                .map(EventData::getName)
                .toList();
    }

    @Test
    void registeredForEveryPolicy() throws Exception {
        // region otel-global
        List<RetryListener> listeners = new ArrayList<>(Tenax.listeners()); // keep the defaults
        listeners.add(TenaxTracing.listener());
        Tenax.setListeners(listeners);

        // without io.micrometer:context-propagation: the caller's span in async calls' later attempts
        List<ContextPropagator> propagators = new ArrayList<>(Tenax.contextPropagators());
        propagators.add(TenaxTracing.contextPropagator());
        Tenax.setContextPropagators(propagators);
        // endregion

        RetryPolicy policy = RetryPolicy.on(IOException.class).build();
        Span span = tracer.spanBuilder("checkout").startSpan();
        try (Scope scope = span.makeCurrent()) {
            assertThat(policy.callAsync(() -> fetchUserAsync(7)).get(30, TimeUnit.SECONDS))
                    .isEqualTo("user 7");
        } finally {
            span.end();
        }
        assertThat(eventsOf("checkout")).containsExactly("tenax.retry");
    }

    @Test
    void onePolicy() throws Exception {
        // region otel-policy
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .name("fetch-user")
                .listener(TenaxTracing.listener())
                .contextPropagator(TenaxTracing.contextPropagator()) // for callAsync
                .build();

        Span span = tracer.spanBuilder("load-user").startSpan();
        String user;
        try (Scope scope = span.makeCurrent()) {
            user = policy.call(() -> fetchUser(42)); // a retry: an event "tenax.retry" on span
        } finally {
            span.end();
        }
        // endregion

        assertThat(user).isEqualTo("user 42");
        assertThat(eventsOf("load-user")).containsExactly("tenax.retry");
    }

    @Test
    void okHttpUnderTheInstrumentationLibrary() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
            server.start();
            server.enqueue(new MockResponse.Builder().code(503).build());
            server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
            Request request = new Request.Builder().url(server.url("/users/42")).build();

            // region otel-okhttp
            HttpRetryPolicy policy =
                    HttpRetryPolicy.builder().listener(TenaxTracing.listener()).build();
            OkHttpClient client =
                    RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();
            // the instrumentation outside the retry interceptor: one client span per attempt
            Call.Factory traced = OkHttpTelemetry.create(openTelemetry).createCallFactory(client);
            // endregion

            Span span = tracer.spanBuilder("show-user").startSpan();
            try (Scope scope = span.makeCurrent();
                    Response response = traced.newCall(request).execute()) {
                assertThat(response.code()).isEqualTo(200);
            } finally {
                span.end();
            }
        }
        SpanData caller = exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("show-user"))
                .findFirst()
                .orElseThrow();
        assertThat(exporter.getFinishedSpanItems())
                .filteredOn(span -> span.getParentSpanId().equals(caller.getSpanId()))
                .hasSize(2);
        assertThat(eventsOf("show-user")).containsExactly("tenax.retry");
    }
}
