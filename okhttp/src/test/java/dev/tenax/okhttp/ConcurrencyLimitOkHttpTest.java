package dev.tenax.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.ConcurrencyLimit;
import dev.tenax.RetryBudget;
import dev.tenax.RetryPolicy;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The concurrency limit through the OkHttp interceptor: what a caller gets when no permit comes or it is interrupted. */
class ConcurrencyLimitOkHttpTest {
    private final MockWebServer server = new MockWebServer();
    private final ConcurrencyLimit limit = ConcurrencyLimit.of(1);
    private final CompletableFuture<String> holder = new CompletableFuture<>();

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
        // another call holds the only permit
        CompletableFuture<String> held = RetryPolicy.on(IOException.class)
                .concurrencyLimit(limit)
                .build()
                .callAsync(() -> holder);
        assertThat(held).isNotDone();
    }

    @AfterEach
    void stop() {
        holder.complete("done");
        server.close();
    }

    private OkHttpClient client(Duration timeout) {
        return RetryInterceptor.install(
                        new OkHttpClient.Builder(),
                        HttpRetryPolicy.builder()
                                .budget(RetryBudget.unlimited())
                                .concurrencyLimit(limit)
                                .timeout(timeout)
                                .build())
                .build();
    }

    @Test
    void noPermitBeforeTheDeadlineIsAnIoTimeoutAndNothingIsSent() {
        server.enqueue(new MockResponse.Builder().body("never sent").build());
        OkHttpClient client = client(Duration.ofMillis(100));

        assertThatThrownBy(() -> client.newCall(
                                new Request.Builder().url(server.url("/")).build())
                        .execute())
                .isInstanceOf(InterruptedIOException.class)
                .hasMessageContaining("timeout: no permit");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anInterruptWhileWaitingForAPermitIsAnInterruptedIoExceptionWithTheFlagKept() throws Exception {
        OkHttpClient client = client(Duration.ofMinutes(1));
        AtomicReference<Throwable> thrown = new AtomicReference<>(new AssertionError("not run"));
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try (Response unused = client.newCall(
                            new Request.Builder().url(server.url("/")).build())
                    .execute()) {
                thrown.set(new AssertionError("a response, with no permit"));
            } catch (Throwable t) {
                thrown.set(t);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (limit.queued() == 0) {
            assertThat(System.nanoTime()).as("the caller queued within 10 s").isLessThan(deadline);
            Thread.sleep(1);
        }

        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class);
        assertThat(flag.get()).isTrue();
        assertThat(server.getRequestCount()).isZero();
        assertThat(limit.queued()).isZero();
    }
}
