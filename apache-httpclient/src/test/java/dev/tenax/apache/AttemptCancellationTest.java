package dev.tenax.apache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.concurrent.Cancellable;
import org.junit.jupiter.api.Test;

/** What an attempt's chain elements register with: a cancel reaches each of them once, in any interleaving. */
class AttemptCancellationTest {

    /** Counts its cancels. */
    private static final class Counted implements Cancellable {
        final AtomicInteger cancels = new AtomicInteger();

        @Override
        public boolean cancel() {
            cancels.incrementAndGet();
            return true;
        }
    }

    @Test
    void aCancelReachesEveryDependencyNotOnlyTheLastStored() {
        // the connect element stores its finished connect after the I/O thread stored the live exchange
        AttemptCancellation cancellation = new AttemptCancellation();
        Counted exchange = new Counted();
        Counted staleConnect = new Counted();
        cancellation.setDependency(exchange);
        cancellation.setDependency(staleConnect);

        assertThat(cancellation.cancel()).isTrue();

        assertThat(exchange.cancels).hasValue(1);
        assertThat(staleConnect.cancels).hasValue(1);
        assertThat(cancellation.isCancelled()).isTrue();
    }

    @Test
    void aDependencyStoredAfterTheCancelIsCancelledAtOnceAndASecondCancelDoesNothingMore() {
        AttemptCancellation cancellation = new AttemptCancellation();
        Counted before = new Counted();
        cancellation.setDependency(before);
        cancellation.cancel();
        Counted after = new Counted();

        cancellation.setDependency(after);
        boolean again = cancellation.cancel();

        assertThat(after.cancels).hasValue(1);
        assertThat(before.cancels).hasValue(1);
        assertThat(again).isFalse();
    }

    @Test
    void underRacingStoresAndCancelsEveryDependencyIsCancelledExactlyOnce() throws InterruptedException {
        for (int round = 0; round < 200; round++) {
            AttemptCancellation cancellation = new AttemptCancellation();
            List<Counted> stored = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                stored.add(new Counted());
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (Counted dependency : stored) {
                threads.add(started(() -> {
                    awaitQuietly(go);
                    cancellation.setDependency(dependency);
                }));
            }
            for (int i = 0; i < 2; i++) {
                threads.add(started(() -> {
                    awaitQuietly(go);
                    cancellation.cancel();
                }));
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }

            assertThat(stored)
                    .allSatisfy(dependency -> assertThat(dependency.cancels).hasValue(1));
        }
    }

    private static Thread started(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
