package dev.tenax.demo;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Counts one client's retries and give-ups, as a listener on its policy. */
final class RunStats implements RetryListener {
    private final AtomicInteger retries = new AtomicInteger();
    private final Map<GiveUpReason, AtomicInteger> giveUps = new ConcurrentHashMap<>();

    @Override
    public void onRetryScheduled(RetryDetails details) {
        retries.incrementAndGet();
    }

    @Override
    public void onGiveUp(GiveUpDetails details) {
        giveUps.computeIfAbsent(details.reason(), r -> new AtomicInteger()).incrementAndGet();
    }

    int retries() {
        return retries.get();
    }

    /** For example {@code "ATTEMPTS×1"}, or {@code "-"} when the client never gave up. */
    String giveUps() {
        if (giveUps.isEmpty()) {
            return "-";
        }
        return new TreeMap<>(giveUps)
                .entrySet().stream()
                        .map(e -> e.getKey() + "×" + e.getValue().get())
                        .collect(Collectors.joining(" "));
    }
}
