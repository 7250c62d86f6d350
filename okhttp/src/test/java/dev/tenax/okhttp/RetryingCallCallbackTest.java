package dev.tenax.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Issue 13: the call factory delivers every callback on a Dispatcher thread, as OkHttp does, cancel included. */
@ResourceLock("dev.tenax.Tenax")
class RetryingCallCallbackTest {
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void cancellingDuringAWaitDeliversOnFailureOnADispatcherThread() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        CountDownLatch waiting = new CountDownLatch(1);
        HttpRetryPolicy slow = HttpRetryPolicy.builder()
                .budget(RetryBudget.unlimited())
                .waitInitial(Duration.ofMinutes(1))
                .waitMax(Duration.ofMinutes(1))
                .timeout(Duration.ofMinutes(5))
                .listener(d -> waiting.countDown())
                .build();
        OkHttpClient client = new OkHttpClient();
        RetryingCallFactory factory = RetryingCallFactory.create(client, slow);
        Call call = factory.newCall(new Request.Builder().url(server.url("/")).build());
        CompletableFuture<Thread> failedOn = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                failedOn.complete(Thread.currentThread());
            }

            @Override
            public void onResponse(Call c, Response response) {
                response.close();
                failedOn.completeExceptionally(new AssertionError("a response after cancel"));
            }
        });
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        call.cancel();

        Thread thread = failedOn.get(10, TimeUnit.SECONDS);
        assertThat(thread).isNotSameAs(Thread.currentThread());
        assertThat(thread.getName()).contains("OkHttp");
        client.dispatcher().executorService().shutdown();
    }
}
