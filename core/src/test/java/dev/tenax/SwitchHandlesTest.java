package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.internal.Switches;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Regression tests for issue 12, defect 1: a handle removes exactly its own change, in any order. */
@ResourceLock("dev.tenax.Tenax")
class SwitchHandlesTest {

    @AfterEach
    void everyHandleWasClosed() {
        assertThat(Switches.openChanges()).as("changes left open by the test").isZero();
    }

    @Test
    void closingTheOlderHandleFirstLeavesNoSwitchStuck() {
        Tenax.Handle testing = Tenax.setTesting(true, 3, false);
        Tenax.Handle off = Tenax.setActive(false);

        testing.close();
        assertThat(Tenax.isTesting()).as("testing handle closed").isFalse();
        assertThat(Tenax.isActive()).as("the off handle is still open").isFalse();
        off.close();

        assertThat(Tenax.isTesting()).isFalse();
        assertThat(Tenax.isActive()).isTrue();
    }

    @Test
    void theLastOpenedTestingHandleWinsUntilItIsClosed() {
        Tenax.Handle three = Tenax.setTesting(true, 3, false);
        Tenax.Handle five = Tenax.setTesting(true, 5, false);
        assertThat(Switches.current().testingAttempts).isEqualTo(5);

        three.close();
        assertThat(Switches.current().testingAttempts)
                .as("the newer handle still holds")
                .isEqualTo(5);
        five.close();

        assertThat(Tenax.isTesting()).isFalse();
    }

    @Test
    void inactiveWinsOverTestingWhicheverWasOpenedLast() {
        try (Tenax.Handle off = Tenax.setActive(false);
                Tenax.Handle testing = Tenax.setTesting(true, 4, false)) {
            assertThat(Tenax.isActive()).isFalse();
            assertThat(Tenax.isTesting()).isTrue();
            Attempts op = Attempts.alwaysFailing();
            try {
                RetryPolicy.on(java.io.IOException.class).build().call(op::call);
            } catch (java.io.IOException expected) {
                // one attempt: retries are off
            }
            assertThat(op.count()).isEqualTo(1);
        }
    }

    @Test
    void aHandleMayBeClosedFromAnotherThread() throws Exception {
        Tenax.Handle testing = Tenax.setTesting(true, 2, false);
        Thread closer = new Thread(testing::close);
        closer.start();
        closer.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(closer.isAlive()).isFalse();
        assertThat(Tenax.isTesting()).isFalse();
    }

    @Test
    void closingTwiceRemovesNothingElse() {
        Tenax.Handle first = Tenax.setTesting(true, 2, false);
        Tenax.Handle second = Tenax.setTesting(true, 2, false); // equal values, still its own handle
        first.close();
        first.close();

        assertThat(Tenax.isTesting()).as("the second handle is still open").isTrue();
        second.close();
        assertThat(Tenax.isTesting()).isFalse();
    }

    @Test
    void manyThreadsOpeningAndClosingTheirOwnHandlesNeverSeeAnotherThreadsStateAndLeaveTheDefaults() throws Exception {
        int threads = 4;
        int rounds = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger ownSwitchNotInEffect = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        if (i % 2 == 0) {
                            try (Tenax.Handle testing = Tenax.setTesting(true, 2, false)) {
                                if (!Tenax.isTesting()) {
                                    ownSwitchNotInEffect.incrementAndGet();
                                }
                            }
                        } else {
                            try (Tenax.Handle off = Tenax.setActive(false)) {
                                if (Tenax.isActive()) {
                                    ownSwitchNotInEffect.incrementAndGet();
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(ownSwitchNotInEffect).hasValue(0);
        assertThat(Tenax.isTesting()).isFalse();
        assertThat(Tenax.isActive()).isTrue();
    }
}
