package dev.tenax.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.ContextPropagator;
import dev.tenax.RetryDetails;
import dev.tenax.http.HttpRetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: through {@link RetryingCallFactory} {@code enqueue}, the caller's context (a {@link ThreadLocal},
 * through the {@link ContextPropagator} SPI) is in place when the listener runs and when each attempt's OkHttp
 * call is enqueued (OkHttp's {@code callStart} runs on the enqueuing thread; tracing instrumentations capture
 * their context there), although the retry starts on a thread other than the caller's.
 */
class EnqueueContextTest {
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
    void eachAttemptIsEnqueuedAndTheListenerRunsInTheCallersContext() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        List<String> enqueuedWith = new CopyOnWriteArrayList<>();
        List<String> listenerSaw = new CopyOnWriteArrayList<>();
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .attempts(2)
                .waitInitial(Duration.ofMillis(1))
                .waitJitter(Duration.ZERO)
                .contextPropagator(TENANT_PROPAGATOR)
                .listener((RetryDetails details) -> listenerSaw.add(String.valueOf(TENANT.get())))
                .build();
        OkHttpClient client = new OkHttpClient.Builder()
                .eventListener(new EventListener() {
                    @Override
                    public void callStart(Call call) {
                        enqueuedWith.add(String.valueOf(TENANT.get()));
                    }
                })
                .build();
        Call.Factory factory = RetryingCallFactory.create(client, policy);
        CompletableFuture<Integer> status = new CompletableFuture<>();

        TENANT.set("acme");
        try {
            factory.newCall(new Request.Builder().url(server.url("/")).build()).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    status.completeExceptionally(e);
                }

                @Override
                public void onResponse(Call call, Response response) {
                    try (response) {
                        status.complete(response.code());
                    }
                }
            });
        } finally {
            TENANT.remove();
        }

        assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(enqueuedWith).as("each attempt as enqueued").containsExactly("acme", "acme");
        assertThat(listenerSaw).containsExactly("acme");
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
