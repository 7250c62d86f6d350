package dev.tenax.internal;

import dev.tenax.RetryBudget;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Finagle's retry budget, kept per key (per host for HTTP): over a sliding window, retries may not exceed
 * {@code percent} of the requests started plus a floor of {@code minPerSecond} for each second of the window. A
 * full outage therefore multiplies load by at most about {@code 1 + percent}, while a few failures among many
 * requests are always retried.
 *
 * <p>Each key has its own small lock (no global lock). The map of keys is bounded at {@value #MAX_KEYS} keys (plus
 * the overflow key). When a new key finds it full, keys idle for a whole window are dropped (their budget is back
 * to its initial state anyway); that scan of the map runs at most once per slot ({@code window / 10}), however
 * many new keys arrive, so a stream of new hosts costs a map lookup each, not a scan each.
 *
 * <p><b>Overflow.</b> While all {@value #MAX_KEYS} keys are active, every further new key shares one overflow
 * budget: past 1,024 busy hosts, the hosts beyond them are budgeted together, so one failing host among them can
 * use up the retries of the others (and successes of any of them refill it). Keys tracked before the map filled
 * keep their own budgets. A new key gets a budget of its own again once a scan has dropped an idle one.
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
    private final LongAdder scans = new LongAdder();
    /** The slot of the last scan for idle keys: at most one scan per slot. */
    private final AtomicLong lastScanSlot = new AtomicLong(Long.MIN_VALUE);

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

    /** How often the map was scanned for idle keys. */
    long scans() {
        return scans.sum();
    }

    private Window window(String key) {
        Window existing = windows.get(key);
        if (existing != null) {
            return existing;
        }
        if (windows.size() >= MAX_KEYS) {
            dropIdleKeys(clock.getAsLong());
            if (windows.size() >= MAX_KEYS) {
                return windows.computeIfAbsent(OVERFLOW, k -> new Window());
            }
        }
        return windows.computeIfAbsent(key, k -> new Window());
    }

    /** Drops the keys idle for a whole window; only the first caller in each slot scans, the others return. */
    private void dropIdleKeys(long now) {
        long slot = now / slotNanos;
        long last = lastScanSlot.get();
        if (slot == last || !lastScanSlot.compareAndSet(last, slot)) {
            return;
        }
        scans.increment();
        windows.values().removeIf(w -> w.idleSince(now) > windowNanos);
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
