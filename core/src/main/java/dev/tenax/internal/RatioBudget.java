package dev.tenax.internal;

import dev.tenax.RetryBudget;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Finagle's retry budget, kept per key (per host for HTTP): over a sliding window, retries may not exceed
 * {@code percent} of the requests started plus a floor of {@code minPerSecond} for each second of the window. A
 * full outage therefore multiplies load by at most about {@code 1 + percent}, while a few failures among many
 * requests are always retried.
 *
 * <p>Each key has its own small lock (no global lock); the map of keys is bounded: when it is full, keys idle
 * for a whole window (whose budget is back to its initial state anyway) are dropped, and any further new key
 * shares one overflow budget.
 */
public final class RatioBudget implements RetryBudget {
    static final int MAX_KEYS = 1024;
    private static final int SLOTS = 10;
    private static final String OVERFLOW = "\0overflow";

    private final double percent;
    private final int minPerSecond;
    private final long windowNanos;
    private final long slotNanos;
    private final long floor;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RatioBudget(double percent, int minPerSecond, Duration window) {
        this(percent, minPerSecond, window, Timing.system()::nanoTime);
    }

    RatioBudget(double percent, int minPerSecond, Duration window, LongSupplier clock) {
        this.percent = percent;
        this.minPerSecond = minPerSecond;
        this.windowNanos = Durations.toNanos(window);
        this.slotNanos = Math.max(1, windowNanos / SLOTS);
        this.floor = (long) Math.floor(minPerSecond * (windowNanos / 1e9));
        this.clock = clock;
    }

    @Override
    public void onRequest(String key) {
        window(key).deposit(clock.getAsLong());
    }

    @Override
    public boolean tryAcquireRetry(String key, Duration wait) {
        return window(key).tryWithdraw(clock.getAsLong());
    }

    int keys() {
        return windows.size();
    }

    private Window window(String key) {
        Window existing = windows.get(key);
        if (existing != null) {
            return existing;
        }
        if (windows.size() >= MAX_KEYS) {
            long now = clock.getAsLong();
            windows.values().removeIf(w -> w.idleSince(now) > windowNanos);
            if (windows.size() >= MAX_KEYS) {
                return windows.computeIfAbsent(OVERFLOW, k -> new Window());
            }
        }
        return windows.computeIfAbsent(key, k -> new Window());
    }

    @Override
    public String toString() {
        return "RetryBudget.ratio(" + percent + ", " + minPerSecond + "/s, " + Duration.ofNanos(windowNanos) + ")";
    }

    /** Requests and retries counted in time slots over one window; guarded by its own monitor (no waits inside). */
    private final class Window {
        private final long[] slotIds = new long[SLOTS];
        private final long[] requests = new long[SLOTS];
        private final long[] retries = new long[SLOTS];
        private volatile long lastUse = clock.getAsLong();

        synchronized void deposit(long now) {
            requests[slot(now)]++;
        }

        synchronized boolean tryWithdraw(long now) {
            int current = slot(now);
            long totalRequests = 0;
            long totalRetries = 0;
            long oldest = now / slotNanos - SLOTS + 1;
            for (int i = 0; i < SLOTS; i++) {
                if (slotIds[i] >= oldest) {
                    totalRequests += requests[i];
                    totalRetries += retries[i];
                }
            }
            if (totalRetries + 1 > (long) Math.floor(percent * totalRequests) + floor) {
                return false;
            }
            retries[current]++;
            return true;
        }

        long idleSince(long now) {
            return now - lastUse;
        }

        /** The slot for {@code now}, cleared first if it last held an older period. */
        private int slot(long now) {
            lastUse = now;
            long id = now / slotNanos;
            int index = (int) Math.floorMod(id, (long) SLOTS);
            if (slotIds[index] != id) {
                slotIds[index] = id;
                requests[index] = 0;
                retries[index] = 0;
            }
            return index;
        }
    }
}
