package dev.tenax.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryPolicy;
import dev.tenax.internal.Timing;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock("dev.tenax.Tenax")
class VirtualTimeTest {

    private static CompletableFuture<String> failing(AtomicInteger calls, int failures) {
        return calls.incrementAndGet() <= failures
                ? CompletableFuture.failedFuture(new IOException("down"))
                : CompletableFuture.completedFuture("up");
    }

    @Test
    void blockingWaitsAreRecordedAndAdvanceTheClockInstantly() {
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(4)
                .waitJitter(Duration.ZERO)
                .build();
        RetryPolicy hours = policy.toBuilder()
                .waitInitial(Duration.ofHours(1))
                .waitMax(Duration.ofHours(4))
                .noTimeout()
                .build();

        try (VirtualTime time = VirtualTime.install()) {
            assertThatThrownBy(() -> policy.call(() -> {
                        throw new IOException("down");
                    }))
                    .isInstanceOf(IOException.class);
            assertThat(time.waits())
                    .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(time.elapsed()).isEqualTo(Duration.ofMillis(700));

            // seven hours of waits: the test could not finish if a single one took real time
            assertThatThrownBy(() -> hours.call(() -> {
                        throw new IOException("down");
                    }))
                    .isInstanceOf(IOException.class);
            assertThat(time.elapsed()).isEqualTo(Duration.ofMillis(700).plusHours(7));
        }
    }

    @Test
    void asyncWaitsAreVirtualToo() {
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).waitJitter(Duration.ZERO).build();
        AtomicInteger calls = new AtomicInteger();

        try (VirtualTime time = VirtualTime.install()) {
            assertThat(policy.callAsync(() -> failing(calls, 2)).join()).isEqualTo("up");

            assertThat(time.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        }
    }

    @Test
    void deadlinesRunOnTheVirtualClock() {
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .unlimitedAttempts()
                .timeout(Duration.ofSeconds(10))
                .waitInitial(Duration.ofSeconds(1))
                .waitExpBase(1)
                .waitJitter(Duration.ZERO)
                .build();
        AtomicInteger calls = new AtomicInteger();

        try (VirtualTime time = VirtualTime.install()) {
            assertThatThrownBy(() -> policy.call(() -> {
                        calls.incrementAndGet();
                        time.advance(Duration.ofSeconds(1)); // each attempt takes a (virtual) second
                        throw new IOException("slow");
                    }))
                    .isInstanceOf(IOException.class);

            // attempts start at 0, 2, 4, 6, 8 and 10 s; a seventh would start after the deadline
            assertThat(calls).hasValue(6);
            assertThat(time.elapsed()).as("timeout + one attempt's own time").isEqualTo(Duration.ofSeconds(11));
        }
    }

    @Test
    void theWallClockAndJitterAreVirtualAndSeeded() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        RetryPolicy policy = RetryPolicy.on(IOException.class).attempts(3).build();
        Duration[] first = new Duration[2];
        for (int run = 0; run < 2; run++) {
            try (VirtualTime time = VirtualTime.install(42, start)) {
                assertThatThrownBy(() -> policy.call(() -> {
                            throw new IOException("down");
                        }))
                        .isInstanceOf(IOException.class);
                first[run] = time.waits().get(0);
                assertThat(time.now()).isEqualTo(start.plus(time.elapsed()));
            }
        }
        assertThat(first[0]).isEqualTo(first[1]);
    }

    @Test
    void smallSeedsSpreadTheFirstJitterOverItsWholeRange() {
        // Regression, issue 12: java.util.Random gave seeds 0-99 first waits of 0.822-0.833 s (of 0.1-1.1 s)
        RetryPolicy policy = RetryPolicy.on(IOException.class).attempts(2).build();
        Set<Long> deciles = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            try (VirtualTime time = VirtualTime.install(seed, Instant.EPOCH)) {
                assertThatThrownBy(() -> policy.call(() -> {
                            throw new IOException("down");
                        }))
                        .isInstanceOf(IOException.class);
                long jitterMillis = time.waits().get(0).toMillis() - 100;
                assertThat(jitterMillis).isBetween(0L, 999L);
                deciles.add(jitterMillis / 100);
            }
        }
        assertThat(deciles).as("deciles of the jitter hit by seeds 0-99").hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void theEnginesViewFollowsTheVirtualClock() throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (VirtualTime time = VirtualTime.install(7, start)) {
            Timing engine = Timing.system();
            assertThat(engine.currentTimeMillis()).isEqualTo(start.toEpochMilli());

            assertThat(engine.sleepUnless(5_000_000L, () -> false)).isTrue();
            assertThat(engine.sleepUnless(5_000_000L, () -> true))
                    .as("cancelled before the wait")
                    .isFalse();

            assertThat(time.waits()).containsExactly(Duration.ofMillis(5));
            assertThat(engine.currentTimeMillis()).isEqualTo(start.toEpochMilli() + 5);
        }
    }

    @Test
    void everyOperationLeavesTheClockFreeForOtherThreads() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            VirtualTime time = VirtualTime.install();
            time.advance(Duration.ofSeconds(1));
            time.elapsed();
            time.waits();
            time.now();
            time.close();

            // a lock left held by this thread would block the other one until the bound
            Future<Duration> elsewhere = other.submit(() -> {
                time.advance(Duration.ofSeconds(1));
                time.waits();
                return time.elapsed();
            });
            assertThat(elsewhere.get(10, TimeUnit.SECONDS)).isEqualTo(Duration.ofSeconds(2));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void closingRestoresRealTimeAndIsIdempotent() {
        VirtualTime time = VirtualTime.install();
        time.close();
        time.close();

        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(2)
                .waitInitial(Duration.ofMillis(1))
                .waitJitter(Duration.ZERO)
                .build();
        assertThatThrownBy(() -> policy.call(() -> {
                    throw new IOException("down");
                }))
                .isInstanceOf(IOException.class);
        assertThat(time.waits()).isEmpty();
        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(-1))).hasMessage("duration must be >= 0 (was PT-1S)");
    }

    @Test
    void clocksClosedOutOfOrderLeaveRealTimeBehind() throws Exception {
        // issue 12 (adversarial finding 16): close restored a snapshot, so v1, v2, v1.close(), v2.close() left v1 on
        VirtualTime first = VirtualTime.install();
        VirtualTime second = VirtualTime.install();
        first.close();
        assertThat(second.elapsed()).isZero();
        second.close();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(2)
                .waitInitial(Duration.ofMillis(30))
                .waitJitter(Duration.ZERO)
                .build();

        assertThatThrownBy(() -> policy.call(() -> {
                    throw new IOException("down");
                }))
                .isInstanceOf(IOException.class);

        assertThat(first.waits()).as("a closed clock records nothing").isEmpty();
        assertThat(second.waits()).as("a closed clock records nothing").isEmpty();
    }
}
