package dev.tenax;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records what a policy tells its listeners: the retries scheduled, the give-ups, and how often each scope opened
 * for a wait was closed. Thread-safe.
 */
final class CallRecorder implements RetryListener {
    private final List<RetryDetails> retries = new CopyOnWriteArrayList<>();
    private final List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
    private final List<AtomicInteger> closes = new CopyOnWriteArrayList<>();

    @Override
    public void onRetryScheduled(RetryDetails details) {
        retries.add(details);
    }

    @Override
    public RetryScope openScope(RetryDetails details) {
        onRetryScheduled(details);
        AtomicInteger closed = new AtomicInteger();
        closes.add(closed);
        return closed::incrementAndGet;
    }

    @Override
    public void onGiveUp(GiveUpDetails details) {
        giveUps.add(details);
    }

    List<RetryDetails> retries() {
        return List.copyOf(retries);
    }

    List<GiveUpDetails> giveUps() {
        return List.copyOf(giveUps);
    }

    /** How often each scope was closed, in the order the scopes were opened. */
    List<Integer> scopeCloses() {
        return closes.stream().map(AtomicInteger::get).toList();
    }

    /**
     * Waits (bounded) for the first give-up event and returns it. The engine tells the give-up after the last point
     * where an attempt could start, so counters read afterwards are final.
     */
    GiveUpDetails awaitGiveUp() {
        Await.until("a give-up event", () -> !giveUps.isEmpty());
        return giveUps.get(0);
    }
}
