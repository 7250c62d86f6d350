package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 16: the context captured when an async call starts is in place for every later attempt, every listener
 * callback and the completion of the future, through the public {@link ContextPropagator} SPI (here a plain
 * {@link ThreadLocal}, the case of users without context-propagation), and each thread gets its own back after.
 */
@ResourceLock("dev.tenax.Tenax")
class ContextPropagatorTest {
    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();
    private static final List<String> POINTS =
            List.of("onRetryScheduled", "openScope", "scopeClose", "secondAttempt", "onGiveUp", "completion");

    /** The propagator the Javadoc shows: the captured value in place, the thread's own value back after. */
    static final ContextPropagator TENANT_PROPAGATOR = () -> {
        String captured = TENANT.get();
        return () -> {
            String previous = TENANT.get();
            TENANT.set(captured);
            return () -> TENANT.set(previous);
        };
    };

    @AfterEach
    void reset() {
        Tenax.setContextPropagators(null);
        TENANT.remove();
    }

    @Test
    void aGlobalPropagatorsContextIsInPlaceEverywhereTheCallContinues() throws Exception {
        Tenax.setContextPropagators(List.of(TENANT_PROPAGATOR));
        try (ObservedAsyncCall observed = new ObservedAsyncCall(TENANT::get)) {
            RetryPolicy policy = observed.policy().build();

            runAsTenant("acme", observed, policy);

            assertThat(observed.seen)
                    .containsOnlyKeys(POINTS)
                    .allSatisfy((point, tenant) -> assertThat(tenant).as(point).isEqualTo("acme"));
        }
    }

    @Test
    void aPolicysOwnPropagatorWorksWithoutAnyGlobalOne() throws Exception {
        Tenax.setContextPropagators(List.of());
        try (ObservedAsyncCall observed = new ObservedAsyncCall(TENANT::get)) {
            RetryPolicy policy =
                    observed.policy().contextPropagator(TENANT_PROPAGATOR).build();

            runAsTenant("acme", observed, policy);

            assertThat(observed.seen)
                    .containsOnlyKeys(POINTS)
                    .allSatisfy((point, tenant) -> assertThat(tenant).as(point).isEqualTo("acme"));
        }
    }

    @Test
    void eachThreadGetsItsOwnValueBackAfterTheCall() throws Exception {
        try (ObservedAsyncCall observed = new ObservedAsyncCall(TENANT::get)) {
            RetryPolicy policy =
                    observed.policy().contextPropagator(TENANT_PROPAGATOR).build();
            observed.onEachThread(() -> TENANT.set("pool's own"));

            runAsTenant("acme", observed, policy);

            assertThat(observed.onEachThread(TENANT::get))
                    .as("no thread kept the caller's tenant")
                    .containsOnly(
                            Map.entry("client", "pool's own"),
                            Map.entry("retries", "pool's own"),
                            Map.entry("scheduler", "pool's own"));
        }
    }

    @Test
    void withoutAnyPropagatorNothingOfTheCallersIsCarried() throws Exception {
        Tenax.setContextPropagators(List.of());
        try (ObservedAsyncCall observed = new ObservedAsyncCall(TENANT::get)) {
            runAsTenant("acme", observed, observed.policy().build());

            assertThat(observed.seen).containsOnlyKeys(POINTS).containsValue("<none>");
        }
    }

    @Test
    void propagatorsThatThrowNeverBreakTheCallNorTheOthersContext() throws Exception {
        ContextPropagator captureThrows = () -> {
            throw new IllegalStateException("capture");
        };
        ContextPropagator restoreThrows = () -> () -> {
            throw new IllegalStateException("restore");
        };
        ContextPropagator closeThrows = () -> () -> () -> {
            throw new IllegalStateException("close");
        };
        @SuppressWarnings("NullAway") // a broken propagator, as a user might write one
        ContextPropagator returnsNull = () -> null;
        try (ObservedAsyncCall observed = new ObservedAsyncCall(TENANT::get)) {
            RetryPolicy policy = observed.policy()
                    .contextPropagator(captureThrows)
                    .contextPropagator(restoreThrows)
                    .contextPropagator(TENANT_PROPAGATOR)
                    .contextPropagator(closeThrows)
                    .contextPropagator(returnsNull)
                    .build();
            observed.onEachThread(TENANT::remove);

            runAsTenant("acme", observed, policy);

            assertThat(observed.seen)
                    .containsOnlyKeys(POINTS)
                    .allSatisfy((point, tenant) -> assertThat(tenant).as(point).isEqualTo("acme"));
            assertThat(observed.onEachThread(() -> String.valueOf(TENANT.get())))
                    .containsOnly(
                            Map.entry("client", "null"), Map.entry("retries", "null"), Map.entry("scheduler", "null"));
        }
    }

    @Test
    void blockingCallsAndAsyncCallsThatSucceedAtOnceCaptureNothing() throws Exception {
        AtomicInteger captures = new AtomicInteger();
        ContextPropagator counting = () -> {
            captures.incrementAndGet();
            return () -> () -> {};
        };
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(java.time.Duration.ZERO)
                .waitJitter(java.time.Duration.ZERO)
                .contextPropagator(counting)
                .build();
        AtomicInteger attempts = new AtomicInteger();

        assertThat(policy.call(() -> "at once")).isEqualTo("at once");
        assertThat(policy.<String, IOException>call(() -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new IOException("once");
                    }
                    return "after a blocking retry";
                }))
                .isEqualTo("after a blocking retry");
        assertThat(policy.callAsync(() -> CompletableFuture.completedFuture("at once")))
                .isCompletedWithValue("at once");

        assertThat(captures).as("captures").hasValue(0);
    }

    private static void runAsTenant(String tenant, ObservedAsyncCall observed, RetryPolicy policy) throws Exception {
        TENANT.set(tenant);
        CompletableFuture<String> call;
        try {
            call = observed.start(policy);
        } finally {
            TENANT.remove(); // the caller moves on: only the captured value may reach the call's later work
        }
        observed.failBothAttempts(call);
    }
}
