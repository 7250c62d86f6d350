package dev.tenax.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where asynchronous retries start when the policy names no executor: a new virtual thread per attempt on Java
 * 21 and later; before that, a pool of daemon threads named {@code tenax-attempt-N} that grows when all are busy
 * and shrinks after 10 s idle. Either way, an operation that blocks before returning its future holds only its own
 * thread, so it cannot delay another call's retry, and Tenax's scheduler thread never runs user code.
 */
public final class DefaultExecutor {
    private DefaultExecutor() {}

    public static Executor get() {
        return Holder.INSTANCE;
    }

    /** Whether attempts start on virtual threads (Java 21+). */
    public static boolean virtualThreads() {
        return Holder.VIRTUAL;
    }

    private static final class Holder {
        private static final @org.jspecify.annotations.Nullable ExecutorService VIRTUAL_OR_NULL =
                virtualThreadPerTask();
        static final boolean VIRTUAL = VIRTUAL_OR_NULL != null;
        static final Executor INSTANCE = VIRTUAL_OR_NULL != null ? VIRTUAL_OR_NULL : daemonPool();

        private static @org.jspecify.annotations.Nullable ExecutorService virtualThreadPerTask() {
            try {
                MethodHandle factory = MethodHandles.publicLookup()
                        .findStatic(
                                Executors.class,
                                "newVirtualThreadPerTaskExecutor",
                                MethodType.methodType(ExecutorService.class));
                return (ExecutorService) factory.invoke();
            } catch (NoSuchMethodException | IllegalAccessException beforeJava21) {
                return null;
            } catch (Throwable unexpected) {
                Faults.rethrowIfVirtualMachineError(unexpected);
                return null;
            }
        }

        private static Executor daemonPool() {
            AtomicInteger count = new AtomicInteger();
            return new ThreadPoolExecutor(
                    0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                        Thread thread = new Thread(task, "tenax-attempt-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
        }
    }
}
