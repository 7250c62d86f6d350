package dev.tenax.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.ContextPropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The propagator's contract, on threads that already have a context of their own. */
class ContextPropagatorTest {
    private static final ContextKey<String> TENANT = ContextKey.named("tenant");

    private final InMemoryTracing tracing = new InMemoryTracing();
    private final ContextPropagator propagator = TenaxTracing.contextPropagator();

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void restoredOnAThreadWithAnotherContextItGivesThatOneBack() throws Exception {
        Span caller = tracing.startSpan("caller");
        ContextPropagator.Snapshot snapshot;
        try (Scope scope = Context.current().with(caller).with(TENANT, "acme").makeCurrent()) {
            snapshot = propagator.capture();
        }
        Span other = tracing.startSpan("another call");

        CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
            try (Scope pooled = other.makeCurrent()) { // what a pooled thread may still have
                String during;
                try (ContextPropagator.Scope restored = snapshot.restore()) {
                    during = Span.current().getSpanContext().getSpanId() + " "
                            + Context.current().get(TENANT);
                }
                return during + " / " + Span.current().getSpanContext().getSpanId();
            }
        });

        assertThat(seen.get(30, TimeUnit.SECONDS))
                .isEqualTo(caller.getSpanContext().getSpanId() + " acme / "
                        + other.getSpanContext().getSpanId());
        caller.end();
        other.end();
    }

    @Test
    void aCallerWithoutContextHidesTheThreadsOwnAndGivesItBack() {
        ContextPropagator.Snapshot snapshot = propagator.capture(); // the root context
        Span other = tracing.startSpan("another call");

        try (Scope pooled = other.makeCurrent()) {
            try (ContextPropagator.Scope restored = snapshot.restore()) {
                assertThat(Span.current().getSpanContext().isValid()).isFalse();
                assertThat(Context.current()).isSameAs(Context.root());
            }
            assertThat(Span.current()).isSameAs(other);
        }
        other.end();
    }

    @Test
    void aSnapshotRestoresAnyNumberOfTimesNestedAndOnTheCallersOwnThread() {
        Span caller = tracing.startSpan("caller");
        try (Scope scope = caller.makeCurrent()) {
            ContextPropagator.Snapshot snapshot = propagator.capture();
            Context before = Context.current();

            try (ContextPropagator.Scope first = snapshot.restore();
                    ContextPropagator.Scope second = snapshot.restore()) {
                assertThat(Span.current()).isSameAs(caller);
            }
            assertThat(Context.current()).isSameAs(before);
        }
        assertThat(Context.current()).isSameAs(Context.root());
        caller.end();
    }
}
