package dev.tenax.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A virtual clock: sleeping advances it instantly and is recorded; randomness comes from a seed. */
public final class FakeTiming implements Timing {
    private final Random random;
    private final List<Duration> sleeps = new ArrayList<>();
    private long now = 1_000_000_000L;

    public FakeTiming(long seed) {
        this.random = new Random(seed);
    }

    /** Moves the clock forward, as a slow attempt would. */
    public synchronized void advance(Duration d) {
        now += d.toNanos();
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleep(long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("fake sleep interrupted");
        }
        sleeps.add(Duration.ofNanos(nanos));
        now += nanos;
    }

    @Override
    public synchronized double nextRandom() {
        return random.nextDouble();
    }

    /** Wall clock that moves with the virtual clock: 2023-11-14T22:13:20Z at the start. */
    @Override
    public synchronized long currentTimeMillis() {
        return 1_700_000_000_000L + (now - 1_000_000_000L) / 1_000_000L;
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
