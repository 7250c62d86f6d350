package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for issue 12 (adversarial review), defect 13: {@code call(operation, retryIf)} on an
 * interrupted thread threw an {@link InterruptedException} that its signature does not declare (here it declares
 * no checked exception at all). A result retry that is interrupted returns its last result, and the thread keeps
 * its interrupt flag.
 */
class ResultRetryInterruptTest {
    private final CallRecorder recorder = new CallRecorder();

    @AfterEach
    void clearTheFlag() {
        Thread.interrupted();
    }

    /** Defect 13: interrupted before the retry. */
    @Test
    void anInterruptedCallerOfAResultRetryGetsTheLastResultAndKeepsTheFlag() {
        AtomicInteger attempts = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitJitter(Duration.ZERO)
                .listener(recorder)
                .build();

        Thread.currentThread().interrupt();
        String result = policy.call(() -> "pending " + attempts.incrementAndGet(), pending -> true);
        boolean flagKept = Thread.interrupted();

        assertThat(result).isEqualTo("pending 1");
        assertThat(flagKept).as("interrupt flag kept").isTrue();
        assertThat(attempts).hasValue(1);
        assertThat(recorder.retries()).as("no retry announced").isEmpty();
        assertThat(recorder.giveUps())
                .singleElement()
                .extracting(GiveUpDetails::reason)
                .isEqualTo(GiveUpReason.INTERRUPTED);
    }

    /**
     * New finding while writing the test above: interrupted during the wait between two result attempts (not
     * before it), {@code call(operation, retryIf)} still throws the undeclared {@link InterruptedException}.
     */
    @Test
    void aResultRetryInterruptedDuringItsWaitReturnsTheLastResultAndKeepsTheFlag() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ofMinutes(1))
                .waitMax(Duration.ofMinutes(1))
                .waitJitter(Duration.ZERO)
                .timeout(Duration.ofMinutes(5))
                .listener(details -> waiting.countDown())
                .listener(recorder)
                .build();
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<@Nullable String> result = new AtomicReference<>();
        AtomicReference<@Nullable Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                result.set(policy.call(() -> "pending " + attempts.incrementAndGet(), pending -> true));
            } catch (Throwable t) {
                thrown.set(t);
            }
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(Await.opened(waiting))
                .as("waiting a minute before the second attempt")
                .isTrue();

        caller.interrupt();
        caller.join(Await.BOUND.toMillis());

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get())
                .as("thrown by a call that declares no checked exception")
                .isNull();
        assertThat(result.get()).isEqualTo("pending 1");
        assertThat(flagKept).as("interrupt flag kept").isTrue();
        assertThat(attempts).hasValue(1);
        assertThat(recorder.giveUps())
                .singleElement()
                .extracting(GiveUpDetails::reason)
                .isEqualTo(GiveUpReason.INTERRUPTED);
    }
}
