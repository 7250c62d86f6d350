package dev.tenax.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The one shared daemon thread that times asynchronous waits. Nothing blocks on it: it only starts the next
 * attempt, whose own work is asynchronous.
 */
public final class DefaultScheduler {
    private DefaultScheduler() {}

    public static ScheduledExecutorService get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final ScheduledExecutorService INSTANCE = create();

        private static ScheduledExecutorService create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "tenax-scheduler");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }
}
