package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.testing.VirtualTime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Regression tests for issue 12: defects 9 and 15, and the API gaps (results, hook context, rule replacement). */
@ResourceLock("dev.tenax.Tenax")
class EngineSurfaceTest {

    @Test
    void zeroLengthWaitsAreRecordedByBothEngines() {
        RetryPolicy policy = RetryPolicy.onDecide(e -> RetryDecision.retryAfter(Duration.ZERO))
                .attempts(4)
                .build();

        try (VirtualTime time = VirtualTime.install()) {
            assertThatThrownBy(() -> policy.call(() -> {
                        throw new IOException("down");
                    }))
                    .isInstanceOf(IOException.class);
            assertThat(policy.callAsync(() -> CompletableFuture.failedFuture(new IOException("down"))))
                    .failsWithin(Duration.ofSeconds(30));

            assertThat(time.waits()).hasSize(6).containsOnly(Duration.ZERO);
        }
    }

    @Test
    void aHugeTimeoutIsReportedBackAsGiven() {
        Duration hugeTimeout = Duration.ofDays(1_000_000);
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).timeout(hugeTimeout).build();

        assertThat(policy.timeout()).contains(hugeTimeout);
        assertThat(policy.toBuilder().build().timeout()).contains(hugeTimeout);
    }

    @Test
    void aResultTheCallerNamesIsRetriedAndTheLastOneReturnedWhenAttemptsRunOut() throws Exception {
        RetryPolicy polling = RetryPolicy.on(IOException.class)
                .attempts(3)
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .build();
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger asyncPolls = new AtomicInteger();

        String done = polling.call(() -> polls.incrementAndGet() < 2 ? "pending" : "done", "pending"::equals);
        String stillPending = polling.call(() -> "pending " + polls.incrementAndGet(), s -> s.startsWith("pending"));
        String asyncDone = polling.callAsync(
                        () -> CompletableFuture.completedFuture(asyncPolls.incrementAndGet() < 3 ? "pending" : "done"),
                        "pending"::equals)
                .get();

        assertThat(done).isEqualTo("done");
        assertThat(stillPending)
                .as("exhaustion returns the last value unchanged")
                .isEqualTo("pending 5");
        assertThat(asyncDone).isEqualTo("done");
        assertThat(asyncPolls).hasValue(3);
    }

    @Test
    void theHookSeesWhichAttemptFailedAndHowLongTheCallTook() {
        List<String> seen = new ArrayList<>();
        RetryPolicy policy = RetryPolicy.onDecide((failure, call) -> {
                    seen.add(call.attemptNumber() + ":" + call.waitedSoFar().toMillis());
                    return RetryDecision.retryAfter(Duration.ofMillis(10L * call.attemptNumber()));
                })
                .attempts(4)
                .build();

        try (VirtualTime time = VirtualTime.install()) {
            assertThatThrownBy(() -> policy.call(() -> {
                        throw new IOException("down");
                    }))
                    .isInstanceOf(IOException.class);
            assertThat(time.waits())
                    .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(30));
        }
        assertThat(seen).containsExactly("1:0", "2:10", "3:30", "4:60");
    }

    @Test
    void toBuilderCanReplaceTheRuleAndKeepEverySetting() {
        RetryPolicy settings = RetryPolicy.on(IOException.class)
                .attempts(3)
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .name("shared-settings")
                .build();
        RetryPolicy timeouts = settings.toBuilder().on(TimeoutException.class).build();
        AtomicInteger ioAttempts = new AtomicInteger();
        AtomicInteger timeoutAttempts = new AtomicInteger();

        assertThatThrownBy(() -> timeouts.call(() -> {
                    ioAttempts.incrementAndGet();
                    throw new IOException("not retried any more");
                }))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> timeouts.call(() -> {
                    timeoutAttempts.incrementAndGet();
                    throw new TimeoutException("retried");
                }))
                .isInstanceOf(TimeoutException.class);

        assertThat(ioAttempts).hasValue(1);
        assertThat(timeoutAttempts).hasValue(3);
        assertThat(timeouts.name()).isEqualTo("shared-settings");
    }
}
