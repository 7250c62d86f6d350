package dev.tenax.benchmarks.canned;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs every task on the thread that submits it. Given to OkHttp's {@code Dispatcher}, it makes {@code enqueue()}
 * run the call and its callback before returning, so one benchmark operation is one whole asynchronous call with
 * no thread hand-off (whose cost, tens of microseconds on a loaded machine, would hide the adapter's).
 */
final class DirectExecutorService extends AbstractExecutorService {
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
