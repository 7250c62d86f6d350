package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.internal.FakeTiming;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** {@link RetryPolicy#invoke}: the Callable shape Kotlin infers, retried exactly as {@code call} is. */
@ResourceLock("dev.tenax.Tenax")
class InvokeTest {
    private final FakeTiming timing = new FakeTiming(7);
    private final RetryPolicy policy =
            RetryPolicy.on(IOException.class).attempts(3).timing(timing).build();

    @Test
    void aCallableIsRetriedUntilItSucceeds() throws Exception {
        Attempts op = Attempts.failingTimes(2);
        Callable<String> callable = op::call;

        assertThat(policy.invoke(callable)).isEqualTo("ok after 3");
        assertThat(op.count()).isEqualTo(3);
        assertThat(timing.sleeps()).hasSize(2);
    }

    @Test
    void givingUpThrowsTheLastFailureWithTheEarlierOnesSuppressed() {
        Attempts op = Attempts.alwaysFailing();

        assertThatThrownBy(() -> policy.invoke(op::call))
                .isInstanceOf(IOException.class)
                .hasMessage("attempt 3 failed")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
    }

    @Test
    void anExceptionTheRulesDoNotNameIsNotRetried() {
        int[] attempts = {0};

        assertThatThrownBy(() -> policy.invoke(() -> {
                    attempts[0]++;
                    throw new IllegalStateException("bug");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts[0]).isEqualTo(1);
    }

    @Test
    void switchedOffItCallsOnce() throws Exception {
        Attempts op = Attempts.failingTimes(1);

        try (Tenax.Handle off = Tenax.setActive(false)) {
            assertThatThrownBy(() -> policy.invoke(op::call)).isInstanceOf(IOException.class);
        }
        assertThat(op.count()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("NullAway") // the point: a null where none is allowed
    void aNullCallableIsRefusedByName() {
        assertThatThrownBy(() -> policy.invoke(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("operation");
    }
}
