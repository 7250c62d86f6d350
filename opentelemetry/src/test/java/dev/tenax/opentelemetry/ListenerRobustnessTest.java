package dev.tenax.opentelemetry;

import static dev.tenax.opentelemetry.InMemoryTracing.eventNames;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tenax.GiveUpReason;
import dev.tenax.RetryListener;
import dev.tenax.RetryPolicy;
import dev.tenax.testing.VirtualTime;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The listener against what could break it: no recording span, and details that are null or throw. */
@ResourceLock("dev.tenax.Tenax")
class ListenerRobustnessTest {
    private final InMemoryTracing tracing = new InMemoryTracing();
    private final RetryListener listener = TenaxTracing.listener();

    @AfterEach
    void close() {
        tracing.close();
    }

    private static Span unsampled() {
        return Span.wrap(SpanContext.create(
                "0af7651916cd43dd8448eb211c80319c",
                "b7ad6b7169203331",
                TraceFlags.getDefault(),
                TraceState.getDefault()));
    }

    /** Runs {@code events} under a recording span and returns that span as exported. */
    private SpanData underRecordingSpan(Runnable events) {
        Span span = tracing.startSpan("caller");
        try (Scope scope = span.makeCurrent()) {
            events.run();
        } finally {
            span.end();
        }
        return tracing.exported("caller");
    }

    @Test
    void underASpanThatDoesNotRecordItReadsNothingAndRecordsNothing() {
        try (Scope scope = unsampled().makeCurrent()) {
            // details whose every accessor throws: reading any of them would show here
            assertThatCode(() -> listener.onRetryScheduled(HandMadeDetails.throwingRetry()))
                    .doesNotThrowAnyException();
            assertThatCode(() -> listener.onGiveUp(HandMadeDetails.throwingGiveUp()))
                    .doesNotThrowAnyException();
        }
        assertThat(tracing.allExported()).isEmpty();
    }

    @Test
    void aRealCallUnderAnUnsampledSpanOrNoSpanAtAllRecordsNothingAndThrowsNothing() {
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).attempts(2).listener(listener).build();
        try (VirtualTime time = VirtualTime.install()) {
            try (Scope scope = unsampled().makeCurrent()) {
                assertThatThrownBy(() -> policy.call(() -> {
                            throw new IOException("refused");
                        }))
                        .isExactlyInstanceOf(IOException.class);
            }
            assertThatThrownBy(() -> policy.call(() -> {
                        throw new IOException("refused");
                    }))
                    .isExactlyInstanceOf(IOException.class);
        }
        assertThat(tracing.allExported()).isEmpty();
    }

    @Test
    void detailsThatThrowLoseTheirEventOnlyAndAreReportedOnceWithoutTheirMessage() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger("dev.tenax.opentelemetry");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.addHandler(handler);
        log.setLevel(Level.WARNING); // the test configuration keeps dev.tenax at SEVERE
        log.setUseParentHandlers(false); // and the console quiet
        SpanData span;
        try {
            span = underRecordingSpan(() -> {
                listener.onRetryScheduled(HandMadeDetails.throwingRetry());
                listener.onRetryScheduled(HandMadeDetails.throwingRetry());
                listener.onGiveUp(HandMadeDetails.throwingGiveUp());
                listener.onRetryScheduled(HandMadeDetails.retry(1, Duration.ZERO, OptionalInt.empty(), "x"));
            });
        } finally {
            log.removeHandler(handler);
            log.setLevel(null);
            log.setUseParentHandlers(true);
        }

        assertThat(eventNames(span)).as("the good event after the bad ones").containsExactly("tenax.retry");
        // once per event and exception class (no other test breaks an event); the class, never the message
        assertThat(logged)
                .containsExactly(
                        "tenax.event_failed event=tenax.retry cause=java.lang.IllegalStateException",
                        "tenax.event_failed event=tenax.giveup cause=java.lang.UnsupportedOperationException");
    }

    @Test
    void aNullStatusIsNoStatus() {
        SpanData span = underRecordingSpan(() -> {
            listener.onRetryScheduled(HandMadeDetails.retry(1, Duration.ofMillis(250), null, "java.io.IOException"));
            listener.onGiveUp(HandMadeDetails.giveUp(GiveUpReason.ATTEMPTS, 2, null));
        });

        assertThat(eventNames(span)).containsExactly("tenax.retry", "tenax.giveup");
        assertThat(span.getEvents())
                .allSatisfy(event -> assertThat(event.getAttributes().get(longKey("http.response.status_code")))
                        .isNull());
        assertThat(span.getEvents().get(0).getAttributes().get(doubleKey("tenax.wait")))
                .isEqualTo(0.25);
    }

    @Test
    void aGiveUpWithNoCauseHasItsReasonAttemptsErrorTypeAndStatus() {
        SpanData span = underRecordingSpan(
                () -> listener.onGiveUp(HandMadeDetails.giveUp(GiveUpReason.HINT_TOO_LONG, 1, OptionalInt.of(429))));

        assertThat(span.getEvents().get(0).getAttributes().asMap())
                .containsOnly(
                        entry(stringKey("tenax.policy"), "hand-made"),
                        entry(stringKey("tenax.giveup.reason"), "hint_too_long"),
                        entry(longKey("tenax.attempts"), 1L),
                        entry(stringKey("error.type"), "http_429"),
                        entry(longKey("http.response.status_code"), 429L));
    }

    @Test
    void everyReasonIsSpelledAsTheMicrometerTag() {
        SpanData span = underRecordingSpan(() -> {
            for (GiveUpReason reason : GiveUpReason.values()) {
                listener.onGiveUp(HandMadeDetails.giveUp(reason, 1, OptionalInt.empty()));
            }
            listener.onGiveUp(HandMadeDetails.giveUp(null, 1, OptionalInt.empty())); // no reason: no attribute
        });

        List<String> reasons = span.getEvents().stream()
                .map(event -> event.getAttributes().get(stringKey("tenax.giveup.reason")))
                .map(String::valueOf)
                .toList();
        List<String> expected = new java.util.ArrayList<>();
        for (GiveUpReason reason : GiveUpReason.values()) {
            expected.add(reason.name().toLowerCase(Locale.ROOT)); // MeterRecorder's spelling of the tag "reason"
        }
        expected.add("null");
        assertThat(reasons).containsExactlyElementsOf(expected).contains("not_retryable", "body_not_replayable");
    }

    @Test
    void aWaitTooLongForNanosecondsIsStillRecordedInSeconds() {
        long seconds = 1L << 62; // Duration.toNanos() throws from 2^63 ns, about 292 years
        Duration centuries = Duration.ofSeconds(seconds);
        SpanData span = underRecordingSpan(
                () -> listener.onRetryScheduled(HandMadeDetails.retry(7, centuries, OptionalInt.of(503), "http_503")));

        Attributes retry = span.getEvents().get(0).getAttributes();
        assertThat(retry.get(doubleKey("tenax.wait"))).isEqualTo((double) seconds);
        assertThat(retry.get(longKey("tenax.retry_number"))).isEqualTo(7L);
        assertThat(retry.get(longKey("http.response.status_code"))).isEqualTo(503L);
    }

    @Test
    void itSaysWhatItIs() {
        assertThat(listener).hasToString("TenaxTracing.listener()");
        assertThat(TenaxTracing.contextPropagator()).hasToString("TenaxTracing.contextPropagator()");
    }
}
