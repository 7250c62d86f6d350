package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InterruptTest {

    @Test
    void interruptDuringAWaitStopsAtOnceKeepsTheFlagAndRethrowsTheLastFailure() throws Exception {
        // given: a real thread that will wait a (real) minute before its second attempt
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ofMinutes(1))
                .waitMax(Duration.ofMinutes(1))
                .timeout(Duration.ofMinutes(5))
                .listener(new RetryListener() {
                    @Override
                    public void onRetryScheduled(RetryDetails details) {
                        waiting.countDown();
                    }

                    @Override
                    public void onGiveUp(GiveUpDetails details) {
                        giveUps.add(details);
                    }
                })
                .build();
        Thread worker = new Thread(() -> {
            try {
                policy.call(() -> {
                    calls.incrementAndGet();
                    throw new IOException("down");
                });
            } catch (IOException e) {
                thrown.set(e);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        });

        // when
        worker.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(10));

        // then
        assertThat(worker.isAlive()).isFalse();
        assertThat(calls).hasValue(1);
        assertThat(flagAfter).isTrue();
        assertThat(thrown.get())
                .isInstanceOf(IOException.class)
                .hasMessage("down")
                .satisfies(e -> assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(InterruptedException.class));
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.INTERRUPTED);
    }

    @Test
    void anAlreadyInterruptedThreadMakesNoRetryEvenWithoutWaits() {
        AtomicInteger calls = new AtomicInteger();
        List<RetryDetails> announced = new CopyOnWriteArrayList<>();
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).listener(announced::add).build();
        Throwable thrown;
        try (Tenax.Handle ignored = Tenax.setTesting(true, 5, false)) {
            Thread.currentThread().interrupt();
            try {
                policy.call(() -> {
                    calls.incrementAndGet();
                    throw new IOException("down");
                });
                thrown = null;
            } catch (IOException e) {
                thrown = e;
            }
        } finally {
            assertThat(Thread.interrupted())
                    .as("flag kept, then cleared by the test")
                    .isTrue();
        }

        assertThat(calls).hasValue(1);
        assertThat(thrown).hasMessage("down");
        assertThat(announced)
                .as("no retry is announced for a caller that was interrupted")
                .isEmpty();
    }
}
