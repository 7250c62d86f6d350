package dev.tenax.testing;

import dev.tenax.internal.Timing;
import dev.tenax.internal.TimingOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A virtual clock for tests of retry schedules: while installed, every Tenax wait (blocking or asynchronous) is
 * recorded and advances the clock instead of taking real time, and deadlines are computed on this clock. Unlike
 * {@link dev.tenax.Tenax#setTesting testing mode}, the policy's real schedule runs: backoff, server hints,
 * timeouts and budgets all apply, only faster. Jitter comes from a seeded random, so schedules are reproducible.
 *
 * <pre>{@code
 * try (VirtualTime time = VirtualTime.install()) {
 *     client.get("/rate-limited");                       // server answers 429 with Retry-After: 2
 *     assertThat(time.waits().get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
 * }
 * }</pre>
 *
 * <p>It applies to policies built without a timing of their own (all of them, outside Tenax's own tests), for
 * the whole JVM: do not run tests that install it in parallel with others that retry. Thread-safe.
 *
 * <p><b>One caller at a time.</b> There is one clock and every wait advances it, which is right for one caller
 * (calls made one after another, or one asynchronous call chain) and wrong for concurrent callers: 16 threads
 * each waiting 1 s advance it by 16 s, so each sees its deadline come 16 times too early. Test concurrent callers
 * on real time with short waits.
 */
public final class VirtualTime implements AutoCloseable {
    private static final long START_NANOS = 1_000_000_000L;

    private final ReentrantLock lock = new ReentrantLock();
    // SplittableRandom mixes its seed: java.util.Random's first draws for seeds 0-99 lay within 11 ms of each other
    private final SplittableRandom random;
    private final List<Duration> waits = new ArrayList<>();
    private final Instant wallStart;
    private final Timing clock = new Clock();
    private long nanos = START_NANOS;
    private boolean closed;

    private VirtualTime(long seed, Instant wallStart) {
        this.random = new SplittableRandom(seed);
        this.wallStart = wallStart;
        TimingOverride.install(clock);
    }

    /**
     * Installs a virtual clock starting at the current wall-clock time, with jitter seeded by {@code 0}.
     *
     * @return the installed clock; close it to restore real time
     */
    public static VirtualTime install() {
        return install(0, Instant.now());
    }

    /**
     * Installs a virtual clock.
     *
     * @param seed the seed of the jitter's random source; neighbouring seeds give unrelated sequences
     * @param wallClockStart what the wall clock reads at the start (HTTP-date hints are relative to it)
     * @return the installed clock; close it to restore real time
     */
    public static VirtualTime install(long seed, Instant wallClockStart) {
        return new VirtualTime(seed, wallClockStart);
    }

    /**
     * Every wait Tenax took since the clock was installed, in order.
     *
     * @return a copy of the waits
     */
    public List<Duration> waits() {
        lock.lock();
        try {
            return List.copyOf(waits);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Virtual time since the clock was installed.
     *
     * @return the elapsed virtual time
     */
    public Duration elapsed() {
        lock.lock();
        try {
            return Duration.ofNanos(nanos - START_NANOS);
        } finally {
            lock.unlock();
        }
    }

    /**
     * What the wall clock reads now, on the virtual clock.
     *
     * @return the virtual wall-clock time
     */
    public Instant now() {
        return wallStart.plus(elapsed());
    }

    /**
     * Moves the clock forward, as a slow attempt would.
     *
     * @param duration how far, not negative
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must be >= 0 (was " + duration + ")");
        }
        lock.lock();
        try {
            nanos += duration.toNanos();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes this clock out: the most recently installed clock still open takes over, or real time when none is.
     * Clocks may be closed in any order; closing twice has no further effect.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        TimingOverride.remove(clock);
    }

    private void recordWait(long waitNanos) {
        lock.lock();
        try {
            waits.add(Duration.ofNanos(waitNanos));
            nanos += waitNanos;
        } finally {
            lock.unlock();
        }
    }

    /** The engine's view of this clock. */
    private final class Clock implements Timing {
        @Override
        public long nanoTime() {
            lock.lock();
            try {
                return nanos;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void sleep(long waitNanos) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted");
            }
            recordWait(waitNanos);
        }

        @Override
        public boolean sleepUnless(long waitNanos, BooleanSupplier cancelled) throws InterruptedException {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            sleep(waitNanos);
            return true;
        }

        @Override
        public double nextRandom() {
            lock.lock();
            try {
                return random.nextDouble();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Future<?> schedule(ScheduledExecutorService scheduler, Runnable task, long waitNanos) {
            return scheduler.schedule(
                    () -> {
                        recordWait(waitNanos);
                        task.run();
                    },
                    0,
                    TimeUnit.NANOSECONDS);
        }

        @Override
        public long currentTimeMillis() {
            return now().toEpochMilli();
        }
    }
}
