package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The blocking engine on virtual threads (Java 21+): waits unmount the thread, nothing pins a carrier. */
class VirtualThreadTest {

    @Test
    void thousandsOfVirtualThreadsRetryConcurrently() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+");
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .waitInitial(Duration.ofMillis(20))
                .waitJitter(Duration.ofMillis(5))
                .build();
        AtomicInteger attempts = new AtomicInteger();
        List<Future<String>> results = new ArrayList<>();

        ExecutorService virtual = newVirtualThreadPerTaskExecutor();
        try (Tenax.Handle quiet = AsyncTest.silenceGlobalListeners()) {
            for (int i = 0; i < 2_000; i++) {
                AtomicInteger mine = new AtomicInteger();
                results.add(virtual.submit(() -> policy.call(() -> {
                    attempts.incrementAndGet();
                    if (mine.incrementAndGet() < 3) {
                        throw new IOException("flaky");
                    }
                    return isVirtual(Thread.currentThread()) ? "virtual" : "platform";
                })));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo("virtual");
            }
        } finally {
            virtual.shutdownNow();
        }

        // 2,000 threads each waited twice; with 2 carriers, that is only possible if waits unmount
        assertThat(attempts).hasValue(6_000);
    }

    private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    }

    private static ExecutorService newVirtualThreadPerTaskExecutor() throws ReflectiveOperationException {
        // compiled for Java 17: reach the Java 21 factory reflectively
        return (ExecutorService) java.util.concurrent.Executors.class
                .getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
    }
}
