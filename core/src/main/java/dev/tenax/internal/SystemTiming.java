package dev.tenax.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Real time: the monotonic clock and {@link TimeUnit#sleep}, which virtual threads unmount for. */
final class SystemTiming implements Timing {
    static final SystemTiming INSTANCE = new SystemTiming();

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(nanos);
    }

    @Override
    public double nextRandom() {
        return ThreadLocalRandom.current().nextDouble();
    }
}
