package dev.tenax.opentelemetry;

import static dev.tenax.opentelemetry.InMemoryTracing.eventNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryPolicy;
import dev.tenax.testing.VirtualTime;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code callAsync} starts every attempt after the first on the policy's executor, where OpenTelemetry's context
 * is not current unless it is propagated: with {@link TenaxTracing#contextPropagator()}, every attempt and every
 * event is in the caller's span, in the caller's trace.
 */
@ResourceLock("dev.tenax.Tenax")
class AsyncCallContextTest {
    private final InMemoryTracing tracing = new InMemoryTracing();
    private final VirtualTime time = VirtualTime.install();
    private final List<SpanContext> attemptsRanIn = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        time.close();
        tracing.close();
    }

    private RetryPolicy.Builder threeAttempts() {
        return RetryPolicy.on(IOException.class)
                .attempts(3)
                .waitInitial(Duration.ofMillis(10))
                .waitJitter(Duration.ZERO)
                .listener(TenaxTracing.listener());
    }

    /** Fails every attempt, on the thread that starts it, after noting which span was current there. */
    private CompletableFuture<String> failingAttempt() {
        attemptsRanIn.add(Span.current().getSpanContext());
        return CompletableFuture.failedFuture(new IOException("reset"));
    }

    /** Starts the call under a new span, waits (bounded) for it to end, then ends the span so that it exports. */
    private SpanData callUnderSpan(RetryPolicy policy) throws InterruptedException {
        Span parent = tracing.startSpan("checkout");
        CompletableFuture<String> call;
        try (Scope scope = parent.makeCurrent()) {
            call = policy.callAsync(this::failingAttempt);
        }
        try {
            call.get(30, TimeUnit.SECONDS);
            throw new AssertionError("every attempt fails");
        } catch (ExecutionException expected) {
            assertThat(expected).hasCauseInstanceOf(IOException.class);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the call did not end", e);
        } finally {
            parent.end(); // after the call ended: no event can still be on its way
        }
        return tracing.exported("checkout");
    }

    @Test
    void withThePropagatorEveryAttemptAndEventIsInTheCallersSpan() throws InterruptedException {
        RetryPolicy policy = threeAttempts()
                .contextPropagator(TenaxTracing.contextPropagator())
                .build();

        SpanData parent = callUnderSpan(policy);

        assertThat(eventNames(parent)).containsExactly("tenax.retry", "tenax.retry", "tenax.giveup");
        assertThat(attemptsRanIn).hasSize(3).allSatisfy(context -> {
            assertThat(context.getTraceId()).isEqualTo(parent.getTraceId());
            assertThat(context.getSpanId()).isEqualTo(parent.getSpanId());
        });
        assertThat(tracing.allExported()).as("no orphan span, no new trace").containsExactly(parent);
    }

    @Test
    void withoutItTheLaterAttemptsRunOutsideTheTraceAndTheirEventsAreLost() throws InterruptedException {
        RetryPolicy policy = threeAttempts().build(); // no propagator, no context-propagation on the class path

        SpanData parent = callUnderSpan(policy);

        // the first attempt runs on the caller's thread; the others on the executor, with no span current
        assertThat(attemptsRanIn).hasSize(3);
        assertThat(attemptsRanIn.get(0).getSpanId()).isEqualTo(parent.getSpanId());
        assertThat(attemptsRanIn.subList(1, 3))
                .allSatisfy(context -> assertThat(context.isValid()).isFalse());
        assertThat(eventNames(parent)).doesNotContain("tenax.giveup");
    }
}
