package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.slf4j.MDC;

/**
 * Issue 16 with context-propagation on the class path: without any configuration of Tenax's, what its global
 * registry knows (SLF4J's MDC, with logback's real MDC adapter, and an OpenTelemetry {@link Context}) is in place
 * for every later attempt, listener and the future's completion of a {@code callAsync}, and cleared after.
 */
@ResourceLock("dev.tenax.Tenax")
@ResourceLock("io.micrometer.context.ContextRegistry")
class MicrometerContextPropagationTest {
    private static final ContextKey<String> TRACE = ContextKey.named("trace");
    private static final List<String> POINTS =
            List.of("onRetryScheduled", "openScope", "scopeClose", "secondAttempt", "onGiveUp", "completion");

    @BeforeEach
    void register() {
        Tenax.setContextPropagators(null); // the default: context-propagation's registry
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor("requestId"));
        ContextRegistry.getInstance().registerThreadLocalAccessor(new OpenTelemetryAccessor());
    }

    @AfterEach
    void unregister() {
        ContextRegistry.getInstance().removeThreadLocalAccessor(Slf4jThreadLocalAccessor.KEY);
        ContextRegistry.getInstance().removeThreadLocalAccessor(OpenTelemetryAccessor.KEY);
        MDC.clear();
    }

    @Test
    void theCallersMdcIsInPlaceEverywhereAndClearedAfter() throws Exception {
        try (ObservedAsyncCall observed = new ObservedAsyncCall(() -> MDC.get("requestId"))) {
            observed.onEachThread(() -> MDC.put("requestId", "pool's own"));
            MDC.put("requestId", "req-42");
            CompletableFuture<String> call = observed.start(observed.policy().build());
            MDC.remove("requestId");

            observed.failBothAttempts(call);

            assertThat(observed.seen)
                    .containsOnlyKeys(POINTS)
                    .allSatisfy((point, id) -> assertThat(id).as(point).isEqualTo("req-42"));
            assertThat(observed.onEachThread(() -> MDC.get("requestId")))
                    .containsOnly(
                            Map.entry("client", "pool's own"),
                            Map.entry("retries", "pool's own"),
                            Map.entry("scheduler", "pool's own"));
        }
    }

    @Test
    void theCallersOpenTelemetryContextIsCurrentEverywhereAndRootAfter() throws Exception {
        try (ObservedAsyncCall observed =
                new ObservedAsyncCall(() -> Context.current().get(TRACE))) {
            CompletableFuture<String> call;
            try (Scope ignored = Context.current().with(TRACE, "trace-7").makeCurrent()) {
                call = observed.start(observed.policy().build());
            }

            observed.failBothAttempts(call);

            assertThat(observed.seen)
                    .containsOnlyKeys(POINTS)
                    .allSatisfy((point, trace) -> assertThat(trace).as(point).isEqualTo("trace-7"));
            assertThat(observed.onEachThread(
                            () -> String.valueOf(Context.current().get(TRACE))))
                    .containsOnly(
                            Map.entry("client", "null"), Map.entry("retries", "null"), Map.entry("scheduler", "null"));
        }
    }
}
