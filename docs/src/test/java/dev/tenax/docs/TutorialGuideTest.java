package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryDecision;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.RetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The examples of docs/tutorial.md, compiled and run; each region is a snippet of the guide. */
@ResourceLock("dev.tenax.Tenax")
class TutorialGuideTest {
    private final MockWebServer server = new MockWebServer();
    private VirtualTime time = VirtualTime.install();

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
        time.close();
        time = VirtualTime.install();
    }

    @AfterEach
    void stop() {
        time.close();
        server.close();
    }

    /** An exception that carries the wait a server asked for. */
    static final class ThrottledException extends IOException {
        private static final long serialVersionUID = 1L;
        private final Duration retryAfter;

        ThrottledException(Duration retryAfter) {
            super("throttled");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    /** An exception that carries a response status. */
    static final class StatusException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        StatusException(int status) {
            super("status " + status);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** Fails with the given exceptions, then returns "ok". */
    static final class Flaky {
        final AtomicInteger calls = new AtomicInteger();
        private final List<Exception> failures;

        Flaky(Exception... failures) {
            this.failures = new ArrayList<>(Arrays.asList(failures));
        }

        String fetch() throws IOException {
            calls.incrementAndGet();
            if (!failures.isEmpty()) {
                Exception next = failures.remove(0);
                if (next instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) next;
            }
            return "ok";
        }
    }

    @Test
    void parameters() throws IOException {
        Flaky client = new Flaky(new ConnectException("refused"), new ConnectException("refused"));
        // region tutorial-parameters
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(10) // attempts in all, the first included
                .timeout(Duration.ofSeconds(45)) // total time, from the first attempt's start
                .waitInitial(Duration.ofMillis(100)) // the wait after the first failure...
                .waitExpBase(2) // ...multiplied by 2 after each further failure...
                .waitMax(Duration.ofSeconds(5)) // ...never longer than 5 s...
                .waitJitter(Duration.ofSeconds(1)) // ...plus a random 0 to 1 s (within waitMax)
                .name("fetch-report") // for logs, metrics and events
                .build();
        // endregion
        // region tutorial-call
        String report = policy.call(() -> client.fetch());
        // endregion

        assertThat(report).isEqualTo("ok");
        assertThat(client.calls).hasValue(3);
        assertThat(time.waits()).hasSize(2);
        assertThat(time.waits().get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(1100));
        assertThat(time.waits().get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(1200));
    }

    @Test
    void onTypes() throws IOException {
        Flaky client = new Flaky(new SocketTimeoutException("read timed out"));
        // region tutorial-on-types
        RetryPolicy policy = RetryPolicy.on(ConnectException.class, SocketTimeoutException.class)
                .build(); // anything else (another IOException, a RuntimeException) is thrown at once
        // endregion

        assertThat(policy.call(client::fetch)).isEqualTo("ok");
        Flaky broken = new Flaky(new IOException("broken pipe"));
        assertThatThrownBy(() -> policy.call(broken::fetch)).hasMessage("broken pipe");
        assertThat(broken.calls).hasValue(1);
    }

    @Test
    void onIf() throws IOException {
        Flaky client = new Flaky(new StatusException(503), new StatusException(404));
        // region tutorial-on-if
        RetryPolicy policy = RetryPolicy.onIf(e -> e instanceof StatusException s && s.status() >= 500)
                .build();
        // endregion

        assertThatThrownBy(() -> policy.call(client::fetch)).hasMessage("status 404");
        assertThat(client.calls).hasValue(2);
    }

    @Test
    void onDecide() throws IOException {
        Flaky client = new Flaky(new ThrottledException(Duration.ofSeconds(3)), new IOException("reset"));
        // region tutorial-on-decide
        RetryPolicy policy = RetryPolicy.onDecide(e -> {
                    if (e instanceof ThrottledException t) {
                        return RetryDecision.retryAfter(t.retryAfter()); // exactly the wait asked for
                    }
                    if (e instanceof IOException) {
                        return RetryDecision.retry(); // the computed backoff
                    }
                    return RetryDecision.stop(); // thrown to the caller now
                })
                .build();
        // endregion

        assertThat(policy.call(client::fetch)).isEqualTo("ok");
        assertThat(time.waits().get(0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(time.waits().get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(1200));
        Flaky failing = new Flaky(new IllegalStateException("bug"));
        assertThatThrownBy(() -> policy.call(failing::fetch)).isInstanceOf(IllegalStateException.class);
        assertThat(failing.calls).hasValue(1);
    }

    /** A job a server computes; the client polls until it is done. */
    record Job(String id, boolean done) {}

    @Test
    void retryOnAResult() throws IOException {
        AtomicInteger polls = new AtomicInteger();
        Supplier<Job> jobs = () -> new Job("42", polls.incrementAndGet() >= 3);
        RetryPolicy policy = RetryPolicy.on(IOException.class).attempts(5).build();
        // region tutorial-on-result
        Job job = policy.call(() -> jobs.get(), j -> !j.done()); // retried while not done
        // endregion

        assertThat(job.done()).isTrue();
        assertThat(polls).hasValue(3);
        assertThat(policy.call(() -> new Job("7", false), j -> !j.done()))
                .as("the last result comes back when the attempts run out")
                .isEqualTo(new Job("7", false));
    }

    @Test
    void hookWithTheCallsContext() throws IOException {
        Flaky client = new Flaky(new IOException("reset"), new IOException("reset"));
        // region tutorial-on-decide-context
        RetryPolicy policy = RetryPolicy.onDecide((e, call) -> e instanceof IOException
                        // a wait of 1 s times 2^(n-1), times a random factor from 0.5 to 1.5
                        ? RetryDecision.retryAfter(Duration.ofMillis((long)
                                (1000L * (1L << Math.min(call.attemptNumber() - 1, 20)) * (0.5 + Math.random()))))
                        : RetryDecision.stop())
                .build();
        // endregion

        assertThat(policy.call(client::fetch)).isEqualTo("ok");
        assertThat(time.waits().get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        assertThat(time.waits().get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    @Test
    void oneSetOfSettingsForSeveralRules() throws IOException {
        // region tutorial-settings-rules
        RetryPolicy settings = RetryPolicy.on(IOException.class) // settings shared by several rules
                .attempts(5)
                .timeout(Duration.ofSeconds(10))
                .name("inventory")
                .build();
        RetryPolicy onTimeouts =
                settings.toBuilder().on(SocketTimeoutException.class).build();
        RetryPolicy onStatus = settings.toBuilder()
                .onIf(e -> e instanceof StatusException s && s.status() == 503)
                .build();
        // endregion

        Flaky timeouts = new Flaky(new SocketTimeoutException("read"), new ConnectException("refused"));
        assertThatThrownBy(() -> onTimeouts.call(timeouts::fetch)).isInstanceOf(ConnectException.class);
        assertThat(timeouts.calls).hasValue(2);
        assertThat(onStatus.call(new Flaky(new StatusException(503))::fetch)).isEqualTo("ok");
        assertThat(onStatus.name()).isEqualTo("inventory");
    }

    @Test
    void errorsAndInterruptsAreNeverRetried() {
        // region tutorial-never-retried
        RetryPolicy everything = RetryPolicy.on(Throwable.class).build(); // even so:
        // an OutOfMemoryError, a StackOverflowError or a NoClassDefFoundError is thrown after one attempt,
        // and so is an InterruptedException (the thread's interrupt flag is set again)
        // endregion
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> everything.run(() -> {
                    attempts.incrementAndGet();
                    throw new OutOfMemoryError("test");
                }))
                .isInstanceOf(OutOfMemoryError.class);
        assertThatThrownBy(() -> everything.run(() -> {
                    attempts.incrementAndGet();
                    throw new InterruptedException("test");
                }))
                .isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(attempts).hasValue(2);
    }

    @Test
    void runABlock(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report.csv");
        Flaky client = new Flaky(new IOException("reset"));
        RetryPolicy policy = RetryPolicy.on(IOException.class).build();
        // region tutorial-run
        policy.run(() -> {
            String body = client.fetch();
            Files.writeString(report, body); // the whole block is one attempt
        });
        // endregion

        assertThat(report).hasContent("ok");
    }

    @Test
    void checkedExceptionIsPreserved(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("config.json");
        Files.writeString(path, "{}");
        RetryPolicy policy = RetryPolicy.on(IOException.class).build();
        // region tutorial-checked
        String config = policy.call(() -> Files.readString(path)); // call(...) throws IOException, nothing wider
        // endregion

        assertThat(config).isEqualTo("{}");
    }

    // region tutorial-two-checked-send
    /** HttpClient.send, with InterruptedException turned into an IOException that keeps the interrupt. */
    static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // restore the flag for the code above us
            InterruptedIOException interrupted = new InterruptedIOException("interrupted");
            interrupted.initCause(e);
            throw interrupted;
        }
    }
    // endregion

    // region tutorial-two-checked-policy
    static final RetryPolicy SEND_POLICY = RetryPolicy.onDecide(e -> {
                // SocketTimeoutException is an InterruptedIOException too: a read timeout is worth a retry
                if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
                    return RetryDecision.stop(); // interrupted: stop at once
                }
                return e instanceof IOException ? RetryDecision.retry() : RetryDecision.stop();
            })
            .build();
    // endregion

    @Test
    void twoCheckedExceptions() throws IOException {
        for (int i = 0; i < 3; i++) { // the JDK client itself re-sends a GET once after some failures
            server.enqueue(new MockResponse.Builder()
                    .onRequestStart(new SocketEffect.CloseSocket())
                    .build());
        }
        server.enqueue(new MockResponse.Builder().body("hello").build());
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request =
                HttpRequest.newBuilder(server.url("/greeting").uri()).build();
        // region tutorial-two-checked-call
        HttpResponse<String> response =
                SEND_POLICY.call(() -> send(client, request, HttpResponse.BodyHandlers.ofString()));
        // endregion

        assertThat(response.body()).isEqualTo("hello");
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(time.waits()).isNotEmpty();
    }

    @Test
    void interruptStopsAtOnceAndKeepsTheFlag() {
        server.enqueue(
                new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).build());
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(server.url("/slow").uri()).build();
        AtomicInteger attempts = new AtomicInteger();

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> SEND_POLICY.call(() -> {
                    attempts.incrementAndGet();
                    return send(client, request, HttpResponse.BodyHandlers.ofString());
                }))
                .isInstanceOf(InterruptedIOException.class);

        assertThat(Thread.interrupted()).isTrue(); // the flag was kept (and is cleared here)
        assertThat(attempts).hasValue(1);
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void async() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.on(IOException.class).build();
        // region tutorial-async
        CompletableFuture<String> future = policy.callAsync(() -> calls.incrementAndGet() < 3
                ? CompletableFuture.failedFuture(new IOException("reset"))
                : CompletableFuture.completedFuture("ok"));
        // endregion

        assertThat(future.join()).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(time.waits()).hasSize(2);
    }

    @Test
    void asyncCancel() {
        List<CompletableFuture<String>> attempts = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.on(IOException.class).build();
        // region tutorial-async-cancel
        CompletableFuture<String> future = policy.callAsync(() -> {
            CompletableFuture<String> attempt = new CompletableFuture<>(); // e.g. an HTTP call in flight
            attempts.add(attempt);
            return attempt;
        });
        future.cancel(true); // cancels the attempt in flight (or the pending wait); no further attempt starts
        // endregion

        assertThat(future).isCancelled();
        assertThat(attempts).singleElement().satisfies(a -> assertThat(a).isCancelled());
    }

    @Test
    void exhaustion() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.on(IOException.class).attempts(3).build();
        // region tutorial-exhaustion
        try {
            policy.run(() -> {
                throw new IOException("attempt " + calls.incrementAndGet());
            });
        } catch (IOException last) {
            System.out.println(last.getMessage()); // attempt 3
            for (Throwable earlier : last.getSuppressed()) {
                System.out.println(earlier.getMessage()); // attempt 1, then attempt 2
            }
        }
        // endregion

        assertThatThrownBy(() -> policy.run(() -> {
                    throw new IOException("attempt " + calls.incrementAndGet());
                }))
                .hasMessage("attempt 6")
                .satisfies(last -> assertThat(last.getSuppressed())
                        .extracting(Throwable::getMessage)
                        .containsExactly("attempt 4", "attempt 5"));
    }

    @Test
    void aRestoredInterruptAloneStopsBeforeTheWait() {
        server.enqueue(
                new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).build());
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(server.url("/slow").uri()).build();
        RetryPolicy policy = RetryPolicy.on(IOException.class).build();
        AtomicInteger attempts = new AtomicInteger();

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> policy.call(() -> {
                    attempts.incrementAndGet();
                    return send(client, request, HttpResponse.BodyHandlers.ofString());
                }))
                .isInstanceOf(InterruptedIOException.class);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(attempts).hasValue(1);
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void deadline() {
        List<GiveUpReason> reasons = new CopyOnWriteArrayList<>();
        RetryListener giveUps = new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {}

            @Override
            public void onGiveUp(GiveUpDetails details) {
                reasons.add(details.reason());
            }
        };
        AtomicInteger calls = new AtomicInteger();
        // region tutorial-deadline
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .timeout(Duration.ofSeconds(1))
                .waitInitial(Duration.ofMillis(400))
                .waitJitter(Duration.ZERO)
                .listener(giveUps)
                .build();
        // attempt 1 fails at 0 s: wait 0.4 s (ends at 0.4 s, before the deadline)
        // attempt 2 fails at 0.4 s: the next wait, 0.8 s, would end at 1.2 s: give up now (DEADLINE)
        // endregion

        assertThatThrownBy(() -> policy.run(() -> {
                    calls.incrementAndGet();
                    throw new IOException("down");
                }))
                .hasMessage("down");
        assertThat(calls).hasValue(2);
        assertThat(time.waits()).containsExactly(Duration.ofMillis(400));
        assertThat(reasons).containsExactly(GiveUpReason.DEADLINE);
    }

    @Test
    void toBuilder() {
        RetryPolicy base = RetryPolicy.on(IOException.class).name("reports").build();
        // region tutorial-to-builder
        RetryPolicy patient = base.toBuilder() // same rule and settings...
                .attempts(20)
                .timeout(Duration.ofMinutes(2)) // ...with two changed
                .build(); // base is unchanged
        // endregion

        assertThat(patient.name()).isEqualTo("reports");
        assertThat(patient.attempts()).hasValue(20);
        assertThat(base.attempts()).hasValue(10);
    }

    @Test
    void validation() {
        // region tutorial-validation
        RetryPolicy.Builder builder = RetryPolicy.on(IOException.class).waitMax(Duration.ofMillis(50));
        // endregion

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("waitMax must be >= waitInitial (PT0.1S) (was PT0.05S)");
        assertThatThrownBy(() -> RetryPolicy.on(IOException.class)
                        .unlimitedAttempts()
                        .noTimeout()
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("neither attempts nor timeout is limited");
        assertThatThrownBy(() -> RetryPolicy.on(IOException.class).attempts(0).build())
                .hasMessage("attempts must be between 1 and 2147483647 (was 0); use unlimitedAttempts() for no limit");
    }

    @Test
    void uncheckedFromTheOperationPropagates() {
        RetryPolicy policy = RetryPolicy.on(IOException.class).build();
        assertThatThrownBy(() -> policy.call(() -> {
                    throw new UncheckedIOException(new IOException("wrapped"));
                }))
                .isInstanceOf(UncheckedIOException.class);
    }
}
