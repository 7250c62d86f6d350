package dev.tenax.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryBudget;
import dev.tenax.http.FakeHttp.Request;
import dev.tenax.http.FakeHttp.Response;
import dev.tenax.http.spi.FailureClassifier;
import dev.tenax.http.spi.HttpRetryDriver;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpRetryDriverAsyncTest {
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

    HttpRetryDriverAsyncTest() {
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void shutdown() {
        scheduler.shutdownNow();
    }

    private static CompletableFuture<Response> async(FakeHttp http) {
        try {
            return CompletableFuture.completedFuture(http.send());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Test
    void retriesAsynchronouslyAndReleasesRetriedResponses() {
        FakeHttp http = new FakeHttp().then(new Response(503), new ConnectException("refused"), new Response(200));
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .waitInitial(Duration.ofMillis(1))
                .waitJitter(Duration.ZERO)
                .budget(RetryBudget.unlimited())
                .scheduler(scheduler)
                .build();

        Response response = HttpRetryDriver.executeAsync(
                        policy,
                        Request.of("GET", "https://api.example.com/"),
                        FakeHttp.ACCESS,
                        FailureClassifier.NONE,
                        c -> async(http))
                .join();

        assertThat(response.status).isEqualTo(200);
        assertThat(((Response) http.sent.get(0)).released).isTrue();
        assertThat(http.attempts()).isEqualTo(3);
    }

    @Test
    void cancellingDuringTheWaitSendsNothingMore() throws Exception {
        FakeHttp http = new FakeHttp().then(new Response(503));
        CountDownLatch scheduled = new CountDownLatch(1);
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .waitInitial(Duration.ofMinutes(1))
                .waitMax(Duration.ofMinutes(1))
                .timeout(Duration.ofMinutes(5))
                .budget(RetryBudget.unlimited())
                .scheduler(scheduler)
                .listener(d -> scheduled.countDown())
                .build();
        CompletableFuture<Response> future = HttpRetryDriver.executeAsync(
                policy,
                Request.of("GET", "https://api.example.com/"),
                FakeHttp.ACCESS,
                FailureClassifier.NONE,
                c -> async(http));
        assertThat(scheduled.await(10, TimeUnit.SECONDS)).isTrue();

        future.cancel(true);

        assertThat(scheduler.getQueue()).isEmpty();
        assertThat(http.attempts()).isEqualTo(1);
    }

    @Test
    void anInterruptDuringTheWaitBecomesInterruptedIoExceptionWithTheFlagKept() throws Exception {
        Throwable thrown = interruptDuringWait(false);

        assertThat(thrown)
                .isInstanceOf(InterruptedIOException.class)
                .hasMessageContaining("GET https://api.example.com/");
        assertThat(thrown.getCause()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void theInterruptibleVariantThrowsInterruptedException() throws Exception {
        Throwable thrown = interruptDuringWait(true);

        assertThat(thrown).isInstanceOf(InterruptedException.class);
    }

    private static Throwable interruptDuringWait(boolean interruptibly) throws Exception {
        FakeHttp http = new FakeHttp().then(new Response(503));
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flag = new AtomicBoolean();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .waitInitial(Duration.ofMinutes(1))
                .waitMax(Duration.ofMinutes(1))
                .timeout(Duration.ofMinutes(5))
                .budget(RetryBudget.unlimited())
                .listener(d -> waiting.countDown())
                .build();
        Request request = Request.of("GET", "https://api.example.com/?token=secret");
        Thread worker = new Thread(() -> {
            try {
                if (interruptibly) {
                    HttpRetryDriver.executeInterruptibly(
                            policy, request, FakeHttp.ACCESS, FailureClassifier.NONE, c -> {
                                attempts.add(c.attemptNumber());
                                return http.send();
                            });
                } else {
                    HttpRetryDriver.execute(policy, request, FakeHttp.ACCESS, FailureClassifier.NONE, c -> {
                        attempts.add(c.attemptNumber());
                        return http.send();
                    });
                }
            } catch (IOException | InterruptedException e) {
                thrown.set(e);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        worker.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        worker.interrupt();
        worker.join(10_000);

        assertThat(flag).as("interrupt flag kept").isTrue();
        assertThat(attempts).containsExactly(1);
        assertThat(thrown.get().getMessage()).doesNotContain("secret");
        return thrown.get();
    }
}
