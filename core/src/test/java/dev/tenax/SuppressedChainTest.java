package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Regression tests for issue 12, defect 8: suppressed chains are bounded and never leak across calls. */
class SuppressedChainTest {
    private final RetryPolicy threeAttempts = RetryPolicy.on(IOException.class)
            .attempts(3)
            .waitInitial(Duration.ZERO)
            .waitJitter(Duration.ZERO)
            .build();

    @Test
    void preAllocatedExceptionsReusedByEveryCallDoNotGrowCallAfterCall() {
        IOException a = new IOException("a");
        IOException b = new IOException("b");
        for (int call = 0; call < 10_000; call++) {
            AtomicInteger attempt = new AtomicInteger();
            try {
                threeAttempts.call(() -> {
                    throw attempt.incrementAndGet() % 2 == 1 ? a : b;
                });
            } catch (IOException expected) {
                // a, b, a: the call ends with a
            }
        }

        assertThat(a.getSuppressed()).containsExactly(b);
        assertThat(b.getSuppressed()).as("no cycle back to a").isEmpty();
    }

    @Test
    void theSameInstanceOnEveryAttemptIsNeverAttachedToItself() {
        IOException same = new IOException("same");

        assertThatThrownBy(() -> threeAttempts.call(() -> {
                    throw same;
                }))
                .isSameAs(same);
        assertThat(same.getSuppressed()).isEmpty();
    }

    @Test
    void aLongRetryRunKeepsTheFirstAndTheMostRecentFailuresAndSaysHowManyWereDropped() {
        RetryPolicy tenThousand = RetryPolicy.on(IOException.class)
                .attempts(10_000)
                .noTimeout()
                .waitInitial(Duration.ZERO)
                .waitMax(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .build();
        AtomicInteger attempt = new AtomicInteger();

        Throwable last = org.assertj.core.api.Assertions.catchThrowable(() -> tenThousand.call(() -> {
            throw new IOException("attempt " + attempt.incrementAndGet());
        }));

        assertThat(last).hasMessage("attempt 10000");
        Throwable[] suppressed = last.getSuppressed();
        assertThat(suppressed).hasSize(1 + 1 + 31);
        assertThat(suppressed[0]).hasMessage("attempt 1");
        assertThat(suppressed[1].getMessage()).startsWith("9967 earlier attempt failures omitted (attempts 2 to 9968)");
        assertThat(suppressed[2]).hasMessage("attempt 9969");
        assertThat(suppressed[32]).hasMessage("attempt 9999");
    }
}
