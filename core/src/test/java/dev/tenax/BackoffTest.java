package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.internal.FakeTiming;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsFollowTheFormulaExactlyWithASeededRandom() {
        // given: stamina's formula min(waitMax, waitInitial * base^(n-1) + U(0, jitter)) and the same seed
        FakeTiming timing = new FakeTiming(42);
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(8)
                .noTimeout()
                .waitInitial(Duration.ofMillis(100))
                .waitMax(Duration.ofSeconds(5))
                .waitJitter(Duration.ofSeconds(1))
                .waitExpBase(2)
                .timing(timing)
                .build();
        Attempts op = Attempts.alwaysFailing();

        // when
        assertThatThrownBy(() -> policy.call(op::call)).isInstanceOf(IOException.class);

        // then: seven waits, each exactly what the formula gives for the same random sequence
        Random expectedRandom = new Random(42);
        List<Duration> expected = new ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            double nanos = 100_000_000L * Math.pow(2, n - 1) + expectedRandom.nextDouble() * 1_000_000_000L;
            expected.add(Duration.ofNanos(Math.min(5_000_000_000L, (long) nanos)));
        }
        assertThat(timing.sleeps()).containsExactlyElementsOf(expected);
        assertThat(op.count()).isEqualTo(8);
    }

    @Test
    void waitWithoutJitterDoublesFromWaitInitialUpToWaitMax() {
        FakeTiming timing = new FakeTiming(1);
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(7)
                .waitInitial(Duration.ofMillis(100))
                .waitMax(Duration.ofMillis(1000))
                .waitJitter(Duration.ZERO)
                .timing(timing)
                .build();

        assertThatThrownBy(() -> policy.call(Attempts.alwaysFailing()::call)).isInstanceOf(IOException.class);

        assertThat(timing.sleeps())
                .containsExactly(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(800),
                        Duration.ofMillis(1000),
                        Duration.ofMillis(1000));
    }

    @Test
    void hugeRetryNumbersGiveWaitMaxWithoutOverflow() {
        FakeTiming timing = new FakeTiming(3);
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(200)
                .noTimeout()
                .waitInitial(Duration.ofDays(1))
                .waitMax(Duration.ofDays(2))
                .waitExpBase(1000)
                .timing(timing)
                .build();

        assertThatThrownBy(() -> policy.call(Attempts.alwaysFailing()::call)).isInstanceOf(IOException.class);

        assertThat(timing.sleeps()).hasSize(199);
        assertThat(timing.sleeps().subList(1, 199)).allMatch(d -> d.equals(Duration.ofDays(2)));
    }

    @Test
    void expBaseOfOneKeepsTheInitialWait() {
        FakeTiming timing = new FakeTiming(3);
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .attempts(4)
                .waitInitial(Duration.ofMillis(250))
                .waitJitter(Duration.ZERO)
                .waitExpBase(1)
                .timing(timing)
                .build();

        assertThatThrownBy(() -> policy.call(Attempts.alwaysFailing()::call)).isInstanceOf(IOException.class);

        assertThat(timing.sleeps()).containsOnly(Duration.ofMillis(250)).hasSize(3);
    }
}
