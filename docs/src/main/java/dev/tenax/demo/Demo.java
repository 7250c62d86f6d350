package dev.tenax.demo;

import dev.tenax.RetryListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The resilient poller demo: starts a {@link FlakyServer}, saves all its pages with a {@link ResilientPoller}
 * while the default listeners log every retry, then prints a summary.
 *
 * <p>Usage: {@code Demo [outputDir]} (default {@code target/demo-output}).
 */
public final class Demo {
    /** The fault plan's seed: the same seed replays the same faults. */
    static final long SEED = 42;

    static final int PAGES = 20;

    private static final String LOG_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    private Demo() {}

    /**
     * Runs the demo.
     *
     * @param args the output directory, optionally
     * @throws IOException if a page could not be fetched or saved
     */
    public static void main(String[] args) throws IOException {
        // one line per retry, also when started without the launcher's -D (before any logger exists)
        if (System.getProperty(LOG_FORMAT_PROPERTY) == null) {
            System.setProperty(LOG_FORMAT_PROPERTY, "%4$s %5$s%6$s%n");
        }
        // the default log handler writes to System.err, which exec-maven-plugin pumps separately from System.out:
        // one stream keeps each retry line between the pages it delayed
        System.setErr(System.out);
        Path outputDir = Path.of(args.length > 0 ? args[0] : "target/demo-output");
        PrintStream out = System.out;
        AtomicInteger retries = new AtomicInteger();
        RetryListener countRetries = details -> retries.incrementAndGet();

        long started = System.nanoTime();
        try (FlakyServer server = FlakyServer.start(SEED, PAGES);
                PageFetcher fetcher = new JdkPageFetcher(PollerPolicy.create(countRetries))) {
            out.printf(
                    Locale.ROOT,
                    "Polling %s (%d pages, fault seed %d) with %s into %s%n",
                    server.firstPage(),
                    PAGES,
                    SEED,
                    fetcher.label(),
                    outputDir);
            List<Path> saved = new ResilientPoller(fetcher, outputDir)
                    .poll(server.firstPage(), file -> out.println("saved " + file.getFileName()));
            double seconds = (System.nanoTime() - started) / 1e9;
            printSummary(out, fetcher.label(), saved.size(), server.attempts(), retries.get(), seconds);
        }
    }

    private static void printSummary(
            PrintStream out, String client, int pages, int attempts, int retries, double seconds) {
        out.println();
        out.printf(
                Locale.ROOT, "%-24s %6s %16s %8s %10s%n", "client", "pages", "server attempts", "retries", "wall time");
        out.printf(Locale.ROOT, "%-24s %6d %16d %8d %9.1fs%n", client, pages, attempts, retries, seconds);
        int resentByClient = attempts - pages - retries;
        if (resentByClient > 0) {
            out.printf(
                    Locale.ROOT,
                    "%d request(s) were re-sent by the HTTP client itself, unseen by Tenax"
                            + " (the JDK client re-sends a GET once when its connection closes before any answer)%n",
                    resentByClient);
        }
    }
}
