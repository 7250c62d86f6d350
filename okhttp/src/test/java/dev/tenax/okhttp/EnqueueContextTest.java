package dev.tenax.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.TenantContext;
import java.io.IOException;
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
 * through the {@code ContextPropagator} SPI) is in place when the listener runs and when each attempt's OkHttp
 * call is enqueued (OkHttp's {@code callStart} runs on the enqueuing thread; tracing instrumentations capture
 * their context there), although the retry starts on a thread other than the caller's.
 */
class EnqueueContextTest {
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
    void eachAttemptIsEnqueuedAndTheListenerRunsInTheCallersContext() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        List<String> enqueuedWith = new CopyOnWriteArrayList<>();
        HttpRetryPolicy policy = tenant.policy();
        OkHttpClient client = new OkHttpClient.Builder()
                .eventListener(new EventListener() {
                    @Override
                    public void callStart(Call call) {
                        enqueuedWith.add(TenantContext.current());
                    }
                })
                .build();
        Call.Factory factory = RetryingCallFactory.create(client, policy);
        CompletableFuture<Integer> status = new CompletableFuture<>();

        TenantContext.startAs("acme", () -> {
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
            return null;
        });

        assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        assertThat(enqueuedWith).as("each attempt as enqueued").containsExactly("acme", "acme");
        assertThat(tenant.listenerSaw).containsExactly("acme");
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
