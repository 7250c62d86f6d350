package dev.tenax.opentelemetry;

import static dev.tenax.opentelemetry.InMemoryTracing.eventNames;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tenax.RetryPolicy;
import dev.tenax.Tenax;
import dev.tenax.testing.VirtualTime;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** A blocking call runs on the caller's thread: its retries and its give-up are events on the caller's span. */
@ResourceLock("dev.tenax.Tenax")
class BlockingCallEventsTest {
    private final InMemoryTracing tracing = new InMemoryTracing();
    private final VirtualTime time = VirtualTime.install();

    @AfterEach
    void close() {
        time.close();
        tracing.close();
    }

    private static RetryPolicy fetchUser(int attempts) {
        return RetryPolicy.on(IOException.class)
                .name("fetch-user")
                .attempts(attempts)
                .waitInitial(Duration.ofMillis(100))
                .waitJitter(Duration.ZERO)
                .listener(TenaxTracing.listener())
                .build();
    }

    @Test
    void eachRetryAndTheGiveUpAreEventsOnTheCallersSpan() {
        RetryPolicy policy = fetchUser(3);

        Span parent = tracing.startSpan("load-user");
        try (Scope scope = parent.makeCurrent()) {
            assertThatThrownBy(() -> policy.call(() -> {
                        throw new IOException("connect to db-1 failed: password=s3cret");
                    }))
                    .isInstanceOf(IOException.class);
        } finally {
            parent.end();
        }

        SpanData span = tracing.exported("load-user");
        assertThat(eventNames(span)).containsExactly("tenax.retry", "tenax.retry", "tenax.giveup");
        assertThat(span.getEvents().get(0).getAttributes().asMap())
                .containsOnly(
                        entry(stringKey("tenax.policy"), "fetch-user"),
                        entry(longKey("tenax.retry_number"), 1L),
                        entry(doubleKey("tenax.wait"), 0.1),
                        entry(stringKey("error.type"), "java.io.IOException"));
        assertThat(span.getEvents().get(1).getAttributes().asMap())
                .contains(entry(longKey("tenax.retry_number"), 2L), entry(doubleKey("tenax.wait"), 0.2));
        assertThat(span.getEvents().get(2).getAttributes().asMap())
                .containsOnly(
                        entry(stringKey("tenax.policy"), "fetch-user"),
                        entry(stringKey("tenax.giveup.reason"), "attempts"),
                        entry(longKey("tenax.attempts"), 3L),
                        entry(stringKey("error.type"), "java.io.IOException"));
        // SECURITY.md: the exception's class, never its message
        assertThat(span.toString()).doesNotContain("s3cret").doesNotContain("db-1");
        System.out.println("exported: " + span);
    }

    @Test
    void aCallThatRecoversHasItsRetriesAndNoGiveUp() throws IOException {
        RetryPolicy policy = fetchUser(5);
        AtomicInteger attempts = new AtomicInteger();

        Span parent = tracing.startSpan("load-user");
        try (Scope scope = parent.makeCurrent()) {
            String user = policy.call(() -> {
                if (attempts.incrementAndGet() < 3) {
                    throw new IOException("reset");
                }
                return "alice";
            });
            assertThat(user).isEqualTo("alice");
        } finally {
            parent.end();
        }

        assertThat(eventNames(tracing.exported("load-user"))).containsExactly("tenax.retry", "tenax.retry");
    }

    @Test
    void inTestingModeTheEventsShowTheTestingAttemptsAndNoWait() {
        RetryPolicy policy = fetchUser(10);

        Span parent = tracing.startSpan("load-user");
        try (Tenax.Handle testing = Tenax.setTesting(true, 2, false);
                Scope scope = parent.makeCurrent()) {
            assertThatThrownBy(() -> policy.call(() -> {
                        throw new IOException("refused");
                    }))
                    .isInstanceOf(IOException.class);
        } finally {
            parent.end();
        }

        SpanData span = tracing.exported("load-user");
        assertThat(eventNames(span)).containsExactly("tenax.retry", "tenax.giveup");
        assertThat(span.getEvents().get(0).getAttributes().get(doubleKey("tenax.wait")))
                .isZero();
        assertThat(span.getEvents().get(1).getAttributes().get(longKey("tenax.attempts")))
                .isEqualTo(2L);
    }
}
