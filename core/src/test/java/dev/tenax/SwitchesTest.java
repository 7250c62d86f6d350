package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.internal.FakeTiming;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock("dev.tenax.Tenax")
class SwitchesTest {
    private final FakeTiming timing = new FakeTiming(5);

    @Test
    void testingMakesExactlyTheGivenAttemptsWithoutWaiting() {
        Attempts op = Attempts.alwaysFailing();
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).attempts(3).timing(timing).build();

        try (Tenax.Handle ignored = Tenax.setTesting(true, 5, false)) {
            assertThat(Tenax.isTesting()).isTrue();
            assertThatThrownBy(() -> policy.call(op::call)).isInstanceOf(IOException.class);
        }

        assertThat(op.count()).isEqualTo(5);
        assertThat(timing.sleeps()).isEmpty();
        assertThat(Tenax.isTesting()).isFalse();
    }

    @Test
    void testingWithCapKeepsTheSmallerConfiguredLimit() {
        Attempts capped = Attempts.alwaysFailing();
        Attempts notCapped = Attempts.alwaysFailing();
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).attempts(3).timing(timing).build();

        try (Tenax.Handle ignored = Tenax.setTesting(true, 5, true)) {
            assertThatThrownBy(() -> policy.call(capped::call)).isInstanceOf(IOException.class);
        }
        try (Tenax.Handle ignored = Tenax.setTesting(true, 2, true)) {
            assertThatThrownBy(() -> policy.call(notCapped::call)).isInstanceOf(IOException.class);
        }

        assertThat(capped.count()).isEqualTo(3);
        assertThat(notCapped.count()).isEqualTo(2);
    }

    @Test
    void testingIgnoresTheTimeout() {
        Attempts op = Attempts.alwaysFailing();
        RetryPolicy policy = RetryPolicy.onDecide(e -> RetryDecision.retryAfter(Duration.ofHours(1)))
                .timeout(Duration.ofMillis(1))
                .timing(timing)
                .build();

        try (Tenax.Handle ignored = Tenax.setTesting(true, 4, false)) {
            assertThatThrownBy(() -> policy.call(op::call)).isInstanceOf(IOException.class);
        }

        assertThat(op.count()).isEqualTo(4);
    }

    @Test
    void testingStillNotifiesListenersWithAZeroWait() {
        List<RetryDetails> events = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .listener(events::add)
                .timing(timing)
                .build();

        try (Tenax.Handle ignored = Tenax.setTesting(true, 3, false)) {
            assertThatThrownBy(() -> policy.call(Attempts.alwaysFailing()::call))
                    .isInstanceOf(IOException.class);
        }

        assertThat(events).hasSize(2).allMatch(e -> e.waitFor().isZero());
    }

    @Test
    void handlesNestAndRestoreThePreviousState() {
        try (Tenax.Handle outer = Tenax.setTesting(true, 3, false)) {
            try (Tenax.Handle inner = Tenax.setTesting(false)) {
                assertThat(Tenax.isTesting()).isFalse();
            }
            assertThat(Tenax.isTesting()).isTrue();
            Attempts op = Attempts.alwaysFailing();
            assertThatThrownBy(() -> RetryPolicy.on(IOException.class).build().call(op::call))
                    .isInstanceOf(IOException.class);
            assertThat(op.count()).as("outer state restored with its attempts").isEqualTo(3);
        }
        assertThat(Tenax.isTesting()).isFalse();
    }

    @Test
    void closingAHandleTwiceRestoresOnlyOnce() {
        Tenax.Handle outer = Tenax.setTesting(true, 2, false);
        Tenax.Handle inner = Tenax.setActive(false);
        inner.close();
        Tenax.Handle third = Tenax.setTesting(true, 9, false);
        inner.close(); // a second close must not undo the third change

        assertThat(Tenax.isTesting()).isTrue();
        third.close();
        outer.close();
        assertThat(Tenax.isTesting()).isFalse();
        assertThat(Tenax.isActive()).isTrue();
    }

    @Test
    void inactiveMakesOneAttemptWithoutListenersAndWinsOverTesting() {
        Attempts op = Attempts.alwaysFailing();
        List<RetryDetails> events = new CopyOnWriteArrayList<>();
        List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .listener(new RecordingListener(events, giveUps))
                .timing(timing)
                .build();

        try (Tenax.Handle testing = Tenax.setTesting(true, 5, false);
                Tenax.Handle off = Tenax.setActive(false)) {
            assertThat(Tenax.isActive()).isFalse();
            assertThatThrownBy(() -> policy.call(op::call)).isInstanceOf(IOException.class);
            assertThat(policy.callAsync(
                            () -> java.util.concurrent.CompletableFuture.failedFuture(new IOException("x"))))
                    .isCompletedExceptionally();
        }

        assertThat(op.count()).isEqualTo(1);
        assertThat(events).isEmpty();
        assertThat(giveUps).isEmpty();
        assertThat(timing.sleeps()).isEmpty();
        assertThat(Tenax.isActive()).isTrue();
    }
}
