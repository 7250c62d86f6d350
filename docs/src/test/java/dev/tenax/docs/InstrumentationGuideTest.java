package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.RetryPolicy;
import dev.tenax.RetryScope;
import dev.tenax.Tenax;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.okhttp.RetryInterceptor;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The examples of docs/instrumentation.md, compiled and run; each region is a snippet of the guide. */
@ResourceLock("dev.tenax.Tenax")
class InstrumentationGuideTest {
    private static final Logger TENAX_LOG = Logger.getLogger("dev.tenax");

    private final MockWebServer server = new MockWebServer();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private @Nullable Level previousLevel;
    private VirtualTime time = VirtualTime.install();

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
        previousLevel = TENAX_LOG.getLevel();
        TENAX_LOG.setLevel(Level.ALL);
        TENAX_LOG.addHandler(capture);
        time.close();
        time = VirtualTime.install();
    }

    @AfterEach
    void stop() {
        time.close();
        TENAX_LOG.removeHandler(capture);
        TENAX_LOG.setLevel(previousLevel);
        Tenax.setListeners(null);
        server.close();
    }

    private List<String> messages() {
        List<String> messages = new ArrayList<>();
        for (LogRecord record : logged) {
            messages.add(record.getLevel() + " " + record.getMessage());
        }
        return messages;
    }

    @Test
    void defaultLogLinesAreRedacted() throws IOException {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        OkHttpClient client = RetryInterceptor.install(
                        new OkHttpClient.Builder(),
                        HttpRetryPolicy.builder().name("users").attempts(3).build())
                .build();
        String url = server.url("/users/42")
                .newBuilder()
                .username("alice")
                .password("s3cret")
                .addQueryParameter("token", "s3cret")
                .build()
                .toString();

        try (Response response = client.newCall(new Request.Builder()
                        .url(url)
                        .header("Authorization", "Bearer s3cret")
                        .build())
                .execute()) {
            assertThat(response.code()).isEqualTo(503);
        }

        String target = "GET http://" + server.getHostName() + ":" + server.getPort() + "/users/42";
        List<String> messages = messages();
        for (String message : messages) {
            System.out.println(message);
        }
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0))
                .matches("WARNING tenax\\.retry_scheduled name=users target=\"\\Q" + target
                        + "\\E\" retry_number=1 wait_for=\\d+\\.\\d{3}s waited_so_far=0\\.000s cause=http_503");
        assertThat(messages.get(1)).contains(" retry_number=2 ");
        assertThat(messages.get(2))
                .matches("INFO tenax\\.gave_up name=users target=\"\\Q" + target
                        + "\\E\" reason=ATTEMPTS attempts=3 elapsed=\\d+\\.\\d{3}s cause=http_503");
        assertThat(String.join("\n", messages)).doesNotContain("s3cret", "alice", "token");
    }

    @Test
    void exceptionMessagesAreLoggedWithoutSecrets() {
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).attempts(2).name("fetch-user").build();
        assertThatThrownBy(() -> policy.run(() -> {
                    throw new IOException("connect to db-1 failed: password=s3cret");
                }))
                .hasMessage("connect to db-1 failed: password=s3cret");

        assertThat(messages())
                .hasSize(2)
                .allSatisfy(m -> assertThat(m).doesNotContain("s3cret"))
                .satisfiesExactly(
                        m -> assertThat(m)
                                .matches("WARNING tenax\\.retry_scheduled name=fetch-user retry_number=1"
                                        + " wait_for=\\d+\\.\\d{3}s waited_so_far=0\\.000s cause=java\\.io\\.IOException"
                                        + " message=\"connect to db-1 failed: password=\\[redacted]\""),
                        m -> assertThat(m)
                                .matches("INFO tenax\\.gave_up name=fetch-user reason=ATTEMPTS attempts=2"
                                        + " elapsed=\\d+\\.\\d{3}s cause=java\\.io\\.IOException"
                                        + " message=\"connect to db-1 failed: password=\\[redacted]\""));
    }

    @Test
    void customListener() {
        AtomicInteger calls = new AtomicInteger();
        // region instrumentation-listener
        List<String> events = new CopyOnWriteArrayList<>();
        RetryListener listener = new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {
                events.add("retry " + details.retryNumber() + " after " + details.errorType() + ", waiting "
                        + details.waitFor().toMillis() + " ms");
            }

            @Override
            public void onGiveUp(GiveUpDetails details) {
                events.add("gave up: " + details.reason() + " after " + details.attempts() + " attempts");
            }
        };
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(3)
                .waitJitter(Duration.ZERO)
                .listener(listener) // in addition to the global listeners
                .build();
        // endregion

        assertThatThrownBy(() -> policy.run(() -> {
                    calls.incrementAndGet();
                    throw new IOException("down");
                }))
                .hasMessage("down");
        assertThat(events)
                .containsExactly(
                        "retry 1 after java.io.IOException, waiting 100 ms",
                        "retry 2 after java.io.IOException, waiting 200 ms",
                        "gave up: ATTEMPTS after 3 attempts");
    }

    @Test
    void giveUpReasons() {
        List<GiveUpReason> reasons = new CopyOnWriteArrayList<>();
        RetryListener listener = new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {}

            @Override
            public void onGiveUp(GiveUpDetails details) {
                reasons.add(details.reason());
            }
        };
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).listener(listener).build();

        assertThatThrownBy(() -> policy.run(() -> {
                    throw new IllegalStateException("bug");
                }))
                .isInstanceOf(IllegalStateException.class);
        policy.run(() -> {}); // a success is no give-up

        assertThat(reasons).containsExactly(GiveUpReason.NOT_RETRYABLE);
    }

    @Test
    void tracingScope() {
        AtomicInteger calls = new AtomicInteger();
        // region instrumentation-scope
        List<String> trace = new CopyOnWriteArrayList<>();
        RetryListener tracing = new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {} // not called: openScope is overridden

            @Override
            public RetryScope openScope(RetryDetails details) {
                trace.add("open wait " + details.retryNumber()); // e.g. start a span
                return () -> trace.add("close wait " + details.retryNumber()); // e.g. end it
            }
        };
        // endregion
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).attempts(3).listener(tracing).build();

        assertThatThrownBy(() -> policy.run(() -> {
                    trace.add("attempt " + calls.incrementAndGet());
                    throw new IOException("down");
                }))
                .hasMessage("down");
        assertThat(trace)
                .containsExactly(
                        "attempt 1",
                        "open wait 1",
                        "close wait 1",
                        "attempt 2",
                        "open wait 2",
                        "close wait 2",
                        "attempt 3");
    }

    @Test
    void setListeners() {
        RetryListener myListener = details -> logged.add(new LogRecord(Level.FINE, "mine " + details.retryNumber()));
        // region instrumentation-set-listeners
        List<RetryListener> listeners = new ArrayList<>(Tenax.listeners()); // the defaults
        listeners.add(myListener);
        Tenax.setListeners(listeners); // every policy now also reports to myListener

        Tenax.setListeners(List.of()); // no global listeners at all (a policy's own still run)
        Tenax.setListeners(null); // back to the defaults
        // endregion
        Tenax.setListeners(listeners);

        RetryPolicy policy = RetryPolicy.on(IOException.class).attempts(2).build();
        assertThatThrownBy(() -> policy.run(() -> {
                    throw new IOException("down");
                }))
                .hasMessage("down");

        assertThat(messages()).anySatisfy(m -> assertThat(m).startsWith("WARNING tenax.retry_scheduled"));
        assertThat(messages()).contains("FINE mine 1");
    }

    @Test
    void noGlobalListeners() {
        Tenax.setListeners(List.of());
        RetryPolicy policy = RetryPolicy.on(IOException.class).attempts(2).build();
        assertThatThrownBy(() -> policy.run(() -> {
                    throw new IOException("down");
                }))
                .hasMessage("down");
        assertThat(logged).isEmpty();
    }

    @Test
    void jfrEvent(@TempDir Path dir) throws IOException {
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(2)
                .waitJitter(Duration.ZERO)
                .name("fetch-user")
                .build();
        Path file = dir.resolve("retries.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.tenax.Retry");
            recording.start();
            assertThatThrownBy(() -> policy.run(() -> {
                        throw new IOException("down");
                    }))
                    .hasMessage("down");
            recording.stop();
            recording.dump(file);
        }

        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getEventType().getName()).isEqualTo("dev.tenax.Retry");
            assertThat(event.getString("name")).isEqualTo("fetch-user");
            assertThat(event.getString("target")).isEmpty();
            assertThat(event.getInt("retryNumber")).isEqualTo(1);
            assertThat(event.getDuration("waitFor")).isEqualTo(Duration.ofMillis(100));
            assertThat(event.getDuration("waitedSoFar")).isZero();
            assertThat(event.getString("errorType")).isEqualTo("java.io.IOException");
        });
        Files.delete(file);
    }
}
