package dev.tenax.benchmarks.sim;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The policy's scheduler in the simulation: {@code schedule} puts the task on the {@link EventLoop} at now plus
 * its true delay, {@code execute} at now. So every wait the engine times between two attempts really lasts its
 * delay on the virtual clock (unlike {@code VirtualTime}, which fires waits at once and adds them to one clock).
 * Periodic scheduling is not needed by the engine and refused.
 */
public final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final EventLoop loop;
    private volatile boolean shutdown;

    public VirtualScheduler(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return loop.schedule(unit.toNanos(delay), command);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("the engine schedules Runnables only");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the engine");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the engine");
    }

    @Override
    public void execute(Runnable command) {
        loop.post(0, command);
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
