package dev.tenax.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryBudget;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.RetryPolicy;
import dev.tenax.SuccessDetails;
import dev.tenax.Tenax;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Every meter of {@link TenaxMetrics}, its tags and values after real calls; zero waits, no sleeping. */
@ResourceLock("dev.tenax.Tenax")
class TenaxMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static RetryPolicy.Builder instant(String name) {
        return RetryPolicy.on(IOException.class)
                .name(name)
                .attempts(3)
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO);
    }

    /** Fails {@code failures} times with an IOException, then returns "ok". */
    private static String failing(AtomicInteger calls, int failures) throws IOException {
        if (calls.incrementAndGet() <= failures) {
            throw new IOException("down");
        }
        return "ok";
    }

    private DistributionSummary attempts(String name, String outcome) {
        return registry.get("tenax.attempts")
                .tags("name", name, "outcome", outcome)
                .summary();
    }

    @Test
    void aBoundRegistryRecordsEveryMeterOfBlockingCalls() throws Exception {
        RetryPolicy policy = instant("metrics-blocking").build();
        try (TenaxMetrics.Binding ignored = TenaxMetrics.bindTo(registry)) {
            AtomicInteger twice = new AtomicInteger();
            assertThat(policy.call(() -> failing(twice, 2))).isEqualTo("ok"); // 3 attempts, 2 retries
            assertThat(policy.call(() -> "first try")).isEqualTo("first try"); // 1 attempt
            AtomicInteger always = new AtomicInteger();
            assertThatThrownBy(() -> policy.call(() -> failing(always, 99))).isInstanceOf(IOException.class);
        }

        assertThat(registry.get("tenax.retries")
                        .tags("name", "metrics-blocking", "retry_number", "1", "error_type", "java.io.IOException")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(registry.get("tenax.retries")
                        .tags("name", "metrics-blocking", "retry_number", "2", "error_type", "java.io.IOException")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(registry.get("tenax.giveups")
                        .tags("name", "metrics-blocking", "reason", "attempts")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        DistributionSummary successes = attempts("metrics-blocking", "success");
        assertThat(successes.count()).isEqualTo(2);
        assertThat(successes.totalAmount()).isEqualTo(4.0); // 3 + 1
        assertThat(successes.max()).isEqualTo(3.0);
        DistributionSummary giveUps = attempts("metrics-blocking", "giveup");
        assertThat(giveUps.count()).isEqualTo(1);
        assertThat(giveUps.totalAmount()).isEqualTo(3.0);
        assertThat(registry.get("tenax.wait")
                        .tag("name", "metrics-blocking")
                        .timer()
                        .count())
                .isEqualTo(4);
        assertThat(registry.get("tenax.budget.refused")
                        .tag("name", "metrics-blocking")
                        .counter()
                        .count())
                .isZero();
    }

    @Test
    void theWaitTimerRecordsTheScheduledWait() throws Exception {
        // testing mode: the engine schedules nothing real, listeners still fire, with a zero wait
        RetryPolicy policy =
                instant("metrics-wait").waitInitial(Duration.ofMillis(250)).build();
        try (TenaxMetrics.Binding ignored = TenaxMetrics.bindTo(registry);
                Tenax.Handle testing = Tenax.setTesting(true, 2, false)) {
            AtomicInteger once = new AtomicInteger();
            policy.call(() -> failing(once, 1));
        }
        assertThat(registry.get("tenax.wait")
                        .tag("name", "metrics-wait")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("tenax.wait")
                        .tag("name", "metrics-wait")
                        .timer()
                        .totalTime(TimeUnit.NANOSECONDS))
                .isZero();
    }

    @Test
    void aBoundRegistryRecordsAsyncCalls() {
        RetryPolicy policy = instant("metrics-async").build();
        try (TenaxMetrics.Binding ignored = TenaxMetrics.bindTo(registry)) {
            AtomicInteger once = new AtomicInteger();
            String value = policy.callAsync(() -> once.incrementAndGet() == 1
                            ? CompletableFuture.<String>failedFuture(new IOException("down"))
                            : CompletableFuture.completedFuture("ok"))
                    .join();
            assertThat(value).isEqualTo("ok");
            // a stage done at once: the fast path, which builds no engine
            assertThat(policy.callAsync(() -> CompletableFuture.completedFuture("now"))
                            .join())
                    .isEqualTo("now");
            CompletableFuture<String> down =
                    policy.callAsync(() -> CompletableFuture.failedFuture(new IOException("down")));
            assertThatThrownBy(down::join).hasCauseInstanceOf(IOException.class);
        }

        assertThat(registry.get("tenax.retries")
                        .tags("name", "metrics-async", "retry_number", "1")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        DistributionSummary successes = attempts("metrics-async", "success");
        assertThat(successes.count()).isEqualTo(2);
        assertThat(successes.totalAmount()).isEqualTo(3.0); // 2 + 1
        assertThat(attempts("metrics-async", "giveup").totalAmount()).isEqualTo(3.0);
        assertThat(registry.get("tenax.giveups")
                        .tags("name", "metrics-async", "reason", "attempts")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aRefusingBudgetIsCountedPerPolicy() {
        RetryBudget refusing = new RetryBudget() {
            @Override
            public void onRequest(String key) {}

            @Override
            public boolean tryAcquireRetry(String key, Duration wait) {
                return false;
            }
        };
        RetryPolicy policy = instant("metrics-budget").budget(refusing).build();
        try (TenaxMetrics.Binding ignored = TenaxMetrics.bindTo(registry)) {
            AtomicInteger always = new AtomicInteger();
            assertThatThrownBy(() -> policy.call(() -> failing(always, 99))).isInstanceOf(IOException.class);
            assertThat(always).hasValue(1);
        }

        assertThat(registry.get("tenax.budget.refused")
                        .tag("name", "metrics-budget")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("tenax.giveups")
                        .tags("name", "metrics-budget", "reason", "budget")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("tenax.budget.refused").counter().getId().getTags())
                .extracting(t -> t.getKey())
                .containsExactly("name");
    }

    @Test
    void closingTheBindingStopsTheRecording() throws Exception {
        RetryPolicy policy = instant("metrics-unbind").build();
        TenaxMetrics.Binding binding = TenaxMetrics.bindTo(registry);
        policy.call(() -> "once");
        binding.close();
        binding.close(); // twice: no further effect
        policy.call(() -> "again");
        AtomicInteger once = new AtomicInteger();
        policy.call(() -> failing(once, 1));

        assertThat(attempts("metrics-unbind", "success").count()).isEqualTo(1);
        assertThat(registry.find("tenax.retries").tag("name", "metrics-unbind").counter())
                .isNull();
        assertThat(Tenax.listeners())
                .noneMatch(l -> l.getClass().getSimpleName().equals("BoundMicrometerListener"));
    }

    @Test
    void aPolicysOwnListenerRecordsOnlyThatPolicy() throws Exception {
        RetryPolicy measured =
                instant("metrics-own").listener(TenaxMetrics.listener(registry)).build();
        RetryPolicy other = instant("metrics-other").build();

        measured.call(() -> "a");
        other.call(() -> "b");

        assertThat(attempts("metrics-own", "success").count()).isEqualTo(1);
        assertThat(registry.find("tenax.attempts").tag("name", "metrics-other").summary())
                .isNull();
    }

    @Test
    void aListenerThatThrowsDoesNotBreakTheCallNorTheMeters() throws Exception {
        RetryListener hostile = new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onSuccess(SuccessDetails details) {
                throw new AssertionError("listener bug");
            }
        };
        RetryPolicy policy = instant("metrics-hostile").listener(hostile).build();
        List<RetryListener> previous = Tenax.listeners();
        Tenax.setListeners(List.of(hostile));
        try (TenaxMetrics.Binding ignored = TenaxMetrics.bindTo(registry)) {
            AtomicInteger once = new AtomicInteger();
            assertThat(policy.call(() -> failing(once, 1))).isEqualTo("ok");
            assertThat(policy.callAsync(() -> CompletableFuture.completedFuture("async"))
                            .join())
                    .isEqualTo("async");
        } finally {
            Tenax.setListeners(previous);
        }

        assertThat(attempts("metrics-hostile", "success").count()).isEqualTo(2);
        assertThat(registry.get("tenax.retries")
                        .tag("name", "metrics-hostile")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void nothingIsRecordedWhileTenaxIsInactive() throws Exception {
        RetryPolicy policy = instant("metrics-inactive").build();
        try (TenaxMetrics.Binding ignored = TenaxMetrics.bindTo(registry);
                Tenax.Handle off = Tenax.setActive(false)) {
            policy.call(() -> "x");
            policy.callAsync(() -> CompletableFuture.completedFuture("y")).join();
        }
        assertThat(registry.find("tenax.attempts")
                        .tag("name", "metrics-inactive")
                        .summary())
                .isNull();
    }

    @Test
    void theZeroConfigListenerStillCountsOnTheGlobalRegistryAndStepsAsideForABinding() throws Exception {
        SimpleMeterRegistry global = new SimpleMeterRegistry();
        List<RetryListener> previous = Tenax.listeners();
        Tenax.setListeners(null); // the defaults
        Metrics.addRegistry(global);
        try {
            RetryPolicy policy = instant("metrics-zero-config").build();
            AtomicInteger once = new AtomicInteger();
            policy.call(() -> failing(once, 1));
            assertThat(global.get("tenax.retries")
                            .tags("name", "metrics-zero-config", "retry_number", "1")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
            // the default listener does not override onSuccess: no attempts summary, a free first-try success
            assertThat(global.find("tenax.attempts")
                            .tag("name", "metrics-zero-config")
                            .summary())
                    .isNull();

            // bound to a registry that is also in the global composite: counted once, by the binding
            try (TenaxMetrics.Binding ignored = TenaxMetrics.bindTo(global)) {
                AtomicInteger again = new AtomicInteger();
                policy.call(() -> failing(again, 1));
            }
            assertThat(global.get("tenax.retries")
                            .tags("name", "metrics-zero-config", "retry_number", "1")
                            .counter()
                            .count())
                    .isEqualTo(2.0);

            // unbound: the default is back
            AtomicInteger third = new AtomicInteger();
            policy.call(() -> failing(third, 1));
            assertThat(global.get("tenax.retries")
                            .tags("name", "metrics-zero-config", "retry_number", "1")
                            .counter()
                            .count())
                    .isEqualTo(3.0);
            assertThat(Tenax.listeners())
                    .extracting(l -> l.getClass().getSimpleName())
                    .containsExactly("LoggingListener", "JfrListener", "MicrometerListener");
        } finally {
            Metrics.removeRegistry(global);
            Tenax.setListeners(previous);
        }
    }

    @Test
    void setListenersKeepsABindingAndDoesNotDoubleIt() throws Exception {
        List<RetryListener> previous = Tenax.listeners();
        RetryPolicy policy = instant("metrics-set").build();
        try (TenaxMetrics.Binding ignored = TenaxMetrics.bindTo(registry)) {
            Tenax.setListeners(Tenax.listeners()); // a round trip through the effective list
            Tenax.setListeners(List.of()); // every global listener off: the binding stays
            policy.call(() -> "x");
        } finally {
            Tenax.setListeners(previous);
        }
        assertThat(attempts("metrics-set", "success").count()).isEqualTo(1);
    }

    @Test
    void addingAListenerWhileBoundKeepsTheZeroConfigMetersForAfterTheBinding() throws Exception {
        SimpleMeterRegistry global = new SimpleMeterRegistry();
        List<RetryListener> previous = Tenax.listeners();
        Tenax.setListeners(null); // the defaults
        Metrics.addRegistry(global);
        try {
            try (TenaxMetrics.Binding ignored = TenaxMetrics.bindTo(registry)) {
                // the usual "add one listener" idiom, while the view hides the superseded default
                List<RetryListener> more = new java.util.ArrayList<>(Tenax.listeners());
                more.add(details -> {});
                Tenax.setListeners(more);
            }
            AtomicInteger once = new AtomicInteger();
            instant("metrics-added-while-bound").build().call(() -> failing(once, 1));

            assertThat(global.get("tenax.retries")
                            .tags("name", "metrics-added-while-bound")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
            assertThat(Tenax.listeners())
                    .extracting(l -> l.getClass().getSimpleName())
                    .contains("MicrometerListener");
        } finally {
            Metrics.removeRegistry(global);
            Tenax.setListeners(previous);
        }
    }

    @Test
    void aListMadeFromScratchWhileBoundMeansWhatItSays() throws Exception {
        List<RetryListener> previous = Tenax.listeners();
        Tenax.setListeners(null);
        try {
            try (TenaxMetrics.Binding ignored = TenaxMetrics.bindTo(registry)) {
                Tenax.setListeners(List.of());
            }
            assertThat(Tenax.listeners()).isEmpty();
        } finally {
            Tenax.setListeners(previous);
        }
    }
}
