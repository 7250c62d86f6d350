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
    void logLineNamesTheExceptionClassButNotItsMessage() {
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
                .singleElement()
                .asString()
                .contains("cause=java.io.IOException")
                .doesNotContain("secret");
    }

    @Test
    void giveUpIsLoggedOnlyAfterARetryOrForAnotherReason() {
        RecordingLogger logger = new RecordingLogger(Level.ALL);
        LoggingListener listener = new LoggingListener(logger);

        listener.onGiveUp(giveUp(GiveUpReason.NOT_RETRYABLE, 1));
        listener.onGiveUp(giveUp(GiveUpReason.ATTEMPTS, 3));

        assertThat(logger.lines)
                .containsExactly("INFO tenax.gave_up name=core reason=ATTEMPTS attempts=3 elapsed=2.000s"
                        + " cause=java.io.IOException server_wait=1.000s");
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
        return new GiveUpEvent(
                "core",
                reason,
                attempts,
                Duration.ofSeconds(2),
                new java.io.IOException("x"),
                OptionalInt.empty(),
                "java.io.IOException",
                null,
                Optional.of(Duration.ofSeconds(1)));
    }
}
