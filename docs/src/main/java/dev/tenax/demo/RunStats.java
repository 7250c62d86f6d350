package dev.tenax.demo;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Counts one client's retries and give-ups, as a listener on its policy; once {@link #printTo} has named the
 * client, also prints one line per retry: the time, the client, the retry and why.
 */
final class RunStats implements RetryListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final AtomicInteger retries = new AtomicInteger();
    private final Map<GiveUpReason, AtomicInteger> giveUps = new ConcurrentHashMap<>();
    private volatile @Nullable PrintStream out;
    private volatile String client = "";

    /** Prints every later retry to {@code out}, as a retry of {@code client}. */
    void printTo(PrintStream out, String client) {
        this.client = client;
        this.out = out;
    }

    @Override
    public void onRetryScheduled(RetryDetails details) {
        retries.incrementAndGet();
        PrintStream printer = out;
        if (printer != null) {
            String target = details.target();
            synchronized (printer) { // the clock is read under the lock, so lines come out in time order
                printer.printf(
                        Locale.ROOT,
                        "%s  %-22s retry %d in %4d ms after %s%s%n",
                        LocalTime.now(ZoneId.systemDefault()).format(TIME),
                        client,
                        details.retryNumber(),
                        details.waitFor().toMillis(),
                        cause(details),
                        target == null ? "" : " (" + target + ")");
            }
        }
    }

    @Override
    public void onGiveUp(GiveUpDetails details) {
        giveUps.computeIfAbsent(details.reason(), r -> new AtomicInteger()).incrementAndGet();
    }

    /** The status, or the exception's simple name (never its message). */
    private static String cause(RetryDetails details) {
        if (details.status().isPresent()) {
            return "status " + details.status().getAsInt();
        }
        Throwable cause = details.cause();
        if (cause instanceof RetryableStatusException status) {
            return "status " + status.status();
        }
        return cause == null ? details.errorType() : cause.getClass().getSimpleName();
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
