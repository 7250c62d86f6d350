package dev.tenax.internal;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Real time: the monotonic clock and {@link TimeUnit#sleep}, which virtual threads unmount for. A test can
 * replace it globally ({@code dev.tenax.testing.VirtualTime}); every policy built on the system timing then
 * follows the virtual clock, whichever module built it.
 */
final class SystemTiming implements Timing {
    static final SystemTiming INSTANCE = new SystemTiming();

    private static volatile @Nullable Timing override;

    static @Nullable Timing override(@Nullable Timing timing) {
        Timing previous = override;
        override = timing;
        return previous;
    }

    @Override
    public long nanoTime() {
        Timing o = override;
        return o == null ? System.nanoTime() : o.nanoTime();
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
        Timing o = override;
        if (o == null) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } else {
            o.sleep(nanos);
        }
    }

    @Override
    public boolean sleepUnless(long nanos, BooleanSupplier cancelled) throws InterruptedException {
        Timing o = override;
        return o == null ? Timing.super.sleepUnless(nanos, cancelled) : o.sleepUnless(nanos, cancelled);
    }

    @Override
    public double nextRandom() {
        Timing o = override;
        return o == null ? ThreadLocalRandom.current().nextDouble() : o.nextRandom();
    }

    @Override
    public Future<?> schedule(ScheduledExecutorService scheduler, Runnable task, long nanos) {
        Timing o = override;
        return o == null ? scheduler.schedule(task, nanos, TimeUnit.NANOSECONDS) : o.schedule(scheduler, task, nanos);
    }

    @Override
    public long currentTimeMillis() {
        Timing o = override;
        return o == null ? System.currentTimeMillis() : o.currentTimeMillis();
    }
}
