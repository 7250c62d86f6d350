package dev.tenax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.GiveUpReason;
import dev.tenax.RetryDetails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentationTest {
    private static final RetryDetails HTTP_RETRY = new RetryEvent(
            "payments",
            2,
            Duration.ofMillis(1500),
            Duration.ofMillis(250),
            null,
            OptionalInt.of(503),
            "http_503",
            "POST https://api.example.com/v1/charges");

    /** Records what would be logged. */
    static final class RecordingLogger implements System.Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Level threshold;

        RecordingLogger(Level threshold) {
            this.threshold = threshold;
        }

        @Override
        public String getName() {
            return "dev.tenax";
        }

        @Override
        public boolean isLoggable(Level level) {
            return level.getSeverity() >= threshold.getSeverity();
        }

        @Override
        public void log(
                Level level, @Nullable ResourceBundle bundle, @Nullable String msg, @Nullable Throwable thrown) {
            lines.add(level + " " + msg);
        }

        @Override
        public void log(
                Level level, @Nullable ResourceBundle bundle, @Nullable String format, @Nullable Object... params) {
            lines.add(level + " " + format);
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier) {
            lines.add(level + " " + msgSupplier.get());
        }
    }

    @Test
    void logLineIsKeyValueWithoutSecrets() {
        RecordingLogger logger = new RecordingLogger(Level.ALL);

        new LoggingListener(logger).onRetryScheduled(HTTP_RETRY);

        assertThat(logger.lines)
                .containsExactly(
                        "WARNING tenax.retry_scheduled name=payments target=\"POST https://api.example.com/v1/charges\""
                                + " retry_number=2 wait_for=1.500s waited_so_far=0.250s cause=http_503");
    }

    @Test
    void logLineCarriesTheFailuresMessageWithoutItsSecrets() {
        RecordingLogger logger = new RecordingLogger(Level.ALL);
        RetryDetails details = new RetryEvent(
                "core",
                1,
                Duration.ofMillis(100),
                Duration.ZERO,
                new java.io.IOException("token=secret"),
                OptionalInt.empty(),
                "java.io.IOException",
                null);

        new LoggingListener(logger).onRetryScheduled(details);

        assertThat(logger.lines)
                .containsExactly("WARNING tenax.retry_scheduled name=core retry_number=1 wait_for=0.100s"
                        + " waited_so_far=0.000s cause=java.io.IOException message=\"token=[redacted]\"");
    }

    @Test
    void aPolicyNameWithANewlineCannotForgeASecondLogLine() {
        // Regression, issue 12: the name was logged as is, so "\n" started a forged tenax.gave_up line
        RecordingLogger logger = new RecordingLogger(Level.ALL);
        GiveUpEvent forged = new GiveUpEvent(
                "core\ntenax.gave_up name=payments reason=BUDGET",
                GiveUpReason.ATTEMPTS,
                3,
                Duration.ofSeconds(2),
                null,
                OptionalInt.of(503),
                "http_503\r\nx",
                "GET https://api.example.com/\u2028next",
                Optional.empty());

        new LoggingListener(logger).onGiveUp(forged);

        assertThat(logger.lines)
                .containsExactly("INFO tenax.gave_up name=\"core\\ntenax.gave_up name=payments reason=BUDGET\""
                        + " target=\"GET https://api.example.com/\\u2028next\" reason=ATTEMPTS attempts=3"
                        + " elapsed=2.000s cause=http_503\\r\\nx");
    }

    @Test
    void theGiveUpLineSaysWhatTheFailureWas() {
        // Regression, issue 12: give-up lines said only cause=java.io.IOException, which hid the message
        RecordingLogger logger = new RecordingLogger(Level.ALL);
        java.io.IOException refused = new java.io.IOException(
                "Failed to connect to alice:s3cret@api.example.com/10.0.0.1:443",
                new java.net.ConnectException("Connection refused"));

        new LoggingListener(logger).onGiveUp(giveUp(GiveUpReason.ATTEMPTS, 3, refused));

        assertThat(logger.lines)
                .singleElement()
                .asString()
                .endsWith(" cause=java.io.IOException server_wait=1.000s message=\"Failed to connect to"
                        + " api.example.com/10.0.0.1:443"
                        + " (caused by java.net.ConnectException: Connection refused)\"");
    }

    @Test
    void hostileMessagesAreEscapedRedactedAndCut() {
        RecordingLogger logger = new RecordingLogger(Level.ALL);
        String hostile = "\u001b[31mGET https://alice:s3cret@api.example.com/v1/users?token=s3cret#frag failed\n"
                + "Authorization: Bearer s3cret\r\nCookie: session=s3cret; theme=dark\n"
                + "INFO tenax.gave_up name=forged " + "x".repeat(300);

        new LoggingListener(logger).onGiveUp(giveUp(GiveUpReason.ATTEMPTS, 3, new java.io.IOException(hostile)));

        String line = logger.lines.get(0);
        assertThat(logger.lines).hasSize(1);
        assertThat(line)
                .doesNotContain("s3cret", "alice", "?token", "frag", "\n", "\r", "\u001b")
                .contains(" message=\"\\u001b[31mGET https://api.example.com/v1/users failed\\n"
                        + "Authorization: [redacted]\\r\\nCookie: [redacted]\\nINFO tenax.gave_up name=forged xxx")
                .endsWith("x...\"");
        String message = line.substring(line.indexOf(" message=\"") + 10, line.length() - 1);
        assertThat(message).hasSize(LogText.MAX_MESSAGE + 3);
    }

    @Test
    void aDurationTooLongForMillisecondsIsLoggedSaturated() {
        // Regression, issue 12: Duration.toMillis() threw, and the give-up line was lost
        RecordingLogger logger = new RecordingLogger(Level.ALL);
        GiveUpEvent event = new GiveUpEvent(
                "core",
                GiveUpReason.HINT_TOO_LONG,
                1,
                Duration.ofSeconds(Long.MAX_VALUE),
                null,
                OptionalInt.of(429),
                "http_429",
                null,
                Optional.of(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));

        new LoggingListener(logger).onGiveUp(event);

        assertThat(logger.lines)
                .containsExactly("INFO tenax.gave_up name=core reason=HINT_TOO_LONG attempts=1"
                        + " elapsed=9223372036854775.807s cause=http_429 server_wait=9223372036854775.807s");
    }

    @Test
    void giveUpIsLoggedOnlyAfterARetryOrForAnotherReason() {
        RecordingLogger logger = new RecordingLogger(Level.ALL);
        LoggingListener listener = new LoggingListener(logger);

        listener.onGiveUp(giveUp(GiveUpReason.NOT_RETRYABLE, 1));
        listener.onGiveUp(giveUp(GiveUpReason.ATTEMPTS, 3));
        listener.onGiveUp(giveUp(GiveUpReason.NOT_RETRYABLE, 2));

        assertThat(logger.lines)
                .containsExactly(
                        "INFO tenax.gave_up name=core reason=ATTEMPTS attempts=3 elapsed=2.000s"
                                + " cause=java.io.IOException server_wait=1.000s message=\"x\"",
                        "INFO tenax.gave_up name=core reason=NOT_RETRYABLE attempts=2 elapsed=2.000s"
                                + " cause=java.io.IOException server_wait=1.000s message=\"x\"");
    }

    @Test
    void nothingIsFormattedWhenTheLevelIsOff() {
        RecordingLogger logger = new RecordingLogger(Level.OFF);
        LoggingListener listener = new LoggingListener(logger);

        listener.onRetryScheduled(HTTP_RETRY);
        listener.onGiveUp(giveUp(GiveUpReason.ATTEMPTS, 3));

        assertThat(logger.lines).isEmpty();
    }

    @Test
    void micrometerCountsRetriesWithTheirTags() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerListener listener = new MicrometerListener(registry);

        listener.onRetryScheduled(HTTP_RETRY);
        listener.onRetryScheduled(HTTP_RETRY);

        Counter counter = registry.get("tenax.retries")
                .tag("name", "payments")
                .tag("retry_number", "2")
                .tag("error_type", "http_503")
                .counter();
        assertThat(counter.count()).isEqualTo(2.0);
    }

    @Test
    void twoThousandRetriesMakeAtMostFourSeries() {
        // Regression, issue 12: every retry number was its own tag value, so one call made 2,000 time series
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerListener listener = new MicrometerListener(registry);

        for (int n = 1; n <= 2_000; n++) {
            listener.onRetryScheduled(new RetryEvent(
                    "payments", n, Duration.ZERO, Duration.ZERO, null, OptionalInt.of(503), "http_503", null));
        }

        assertThat(registry.find("tenax.retries").counters()).hasSize(4);
        assertThat(registry.get("tenax.retries")
                        .tag("retry_number", "1")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("tenax.retries")
                        .tag("retry_number", "3")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("tenax.retries")
                        .tag("retry_number", "4+")
                        .counter()
                        .count())
                .isEqualTo(1_997.0);
    }

    @Test
    void retryNumbersAreBucketedAtFour() {
        assertThat(MicrometerListener.retryNumberTag(1)).isEqualTo("1");
        assertThat(MicrometerListener.retryNumberTag(2)).isEqualTo("2");
        assertThat(MicrometerListener.retryNumberTag(3)).isEqualTo("3");
        assertThat(MicrometerListener.retryNumberTag(4)).isEqualTo("4+");
        assertThat(MicrometerListener.retryNumberTag(Integer.MAX_VALUE)).isEqualTo("4+");
    }

    @Test
    void theDefaultMicrometerListenerUsesTheGlobalRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            MicrometerListener.onGlobalRegistry().onRetryScheduled(HTTP_RETRY);

            // other tests' retries may have registered counters with other tags: look up this one exactly
            Counter counter = registry.get("tenax.retries")
                    .tags("name", "payments", "retry_number", "2", "error_type", "http_503")
                    .counter();
            assertThat(counter.count()).isEqualTo(1.0);
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    @Test
    void jfrRecordsARetryEvent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("retry.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.tenax.Retry");
            recording.start();
            new JfrListener().onRetryScheduled(HTTP_RETRY);
            recording.stop();
            recording.dump(file);
        }

        List<RecordedEvent> events = RecordingFile.readAllEvents(file);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getEventType().getName()).isEqualTo("dev.tenax.Retry");
            assertThat(e.getString("name")).isEqualTo("payments");
            assertThat(e.getString("target")).isEqualTo("POST https://api.example.com/v1/charges");
            assertThat(e.getInt("retryNumber")).isEqualTo(2);
            assertThat(e.getDuration("waitFor")).isEqualTo(Duration.ofMillis(1500));
            assertThat(e.getDuration("waitedSoFar")).isEqualTo(Duration.ofMillis(250));
            assertThat(e.getString("errorType")).isEqualTo("http_503");
        });
        assertThat(Files.size(file)).isPositive();
    }

    @Test
    void jfrCostsNothingWhenNotRecording() {
        // no recording is running: the listener returns after the enabled check
        new JfrListener().onRetryScheduled(HTTP_RETRY);
    }

    private static GiveUpEvent giveUp(GiveUpReason reason, int attempts) {
        return giveUp(reason, attempts, new java.io.IOException("x"));
    }

    private static GiveUpEvent giveUp(GiveUpReason reason, int attempts, Throwable cause) {
        return new GiveUpEvent(
                "core",
                reason,
                attempts,
                Duration.ofSeconds(2),
                cause,
                OptionalInt.empty(),
                "java.io.IOException",
                null,
                Optional.of(Duration.ofSeconds(1)));
    }
}
