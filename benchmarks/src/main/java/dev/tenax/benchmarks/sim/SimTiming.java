package dev.tenax.benchmarks.sim;

import dev.tenax.internal.Timing;
import java.util.SplittableRandom;

/**
 * The engine's clock and random during a simulation, installed JVM-wide with {@code TimingOverride}: time is the
 * {@link EventLoop}'s, jitter comes from a seeded random, and HTTP-dates are read against a fixed virtual wall
 * clock. Asynchronous waits keep {@link Timing}'s default {@code schedule}: they go to the policy's scheduler
 * (the {@link VirtualScheduler}) with their true delay. Nothing in the simulation blocks, so {@code sleep} is
 * refused.
 *
 * <p>Budgets that read the system timing ({@code RetryBudget.ratio} reads {@code Timing.system()}) follow this
 * clock too while it is installed, so their windows slide in simulated time.
 */
public final class SimTiming implements Timing {
    /** What the virtual wall clock reads when the simulation starts: 2026-01-01T00:00:00Z. */
    private static final long WALL_START_MILLIS = 1_767_225_600_000L;

    private final EventLoop loop;
    private final SplittableRandom random;

    public SimTiming(EventLoop loop, long seed) {
        this.loop = loop;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public long nanoTime() {
        return loop.now();
    }

    @Override
    public void sleep(long nanos) {
        throw new UnsupportedOperationException("a blocking wait would stop the simulated clock");
    }

    @Override
    public double nextRandom() {
        return random.nextDouble();
    }

    @Override
    public long currentTimeMillis() {
        return WALL_START_MILLIS + loop.now() / 1_000_000L;
    }
}
