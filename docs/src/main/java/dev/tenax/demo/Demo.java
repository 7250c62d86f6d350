package dev.tenax.demo;

import dev.tenax.Tenax;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The resilient poller demo: for each HTTP client at once, starts a {@link FlakyServer} with the same fault seed,
 * saves all its pages with a {@link ResilientPoller}, printing one line per retry (time, client, retry, cause), then
 * prints one summary table.
 *
 * <p>Usage: {@code Demo [outputDir]} (default {@code target/demo-output}).
 */
public final class Demo {
    /** The fault plan's seed: the same seed replays the same faults for every client. */
    static final long SEED = 42;

    static final int PAGES = 12;

    /** Each client, built with a listener that counts its retries and give-ups. */
    static final List<Function<RunStats, PageFetcher>> CLIENTS = List.of(
            stats -> new JdkPageFetcher(PollerPolicy.create(stats)),
            OkHttpInterceptorFetcher::new,
            OkHttpCallFactoryFetcher::new,
            ApacheClassicFetcher::new,
            ApacheAsyncFetcher::new,
            stats -> new JdkSendFetcher(stats, false),
            stats -> new JdkSendFetcher(stats, true));

    private Demo() {}

    /** One client's result. */
    record Row(String client, int pages, int attempts, int retries, String giveUps, double seconds) {}

    /**
     * Runs the demo.
     *
     * @param args the output directory, optionally
     * @throws IOException if a page could not be fetched or saved
     */
    public static void main(String[] args) throws IOException {
        // each client's listener prints its retries (time, client, retry, cause): Tenax's default log line is
        // off here, so the lines are the demo's own and nothing else interleaves
        Tenax.setListeners(List.of());
        Path outputDir = Path.of(args.length > 0 ? args[0] : "target/demo-output");
        PrintStream out = System.out;
        out.printf(
                Locale.ROOT,
                "Polling %d pages from a flaky local server (fault seed %d) with %d clients at once, one server each;"
                        + " one line per retry, then a summary%n%n",
                PAGES,
                SEED,
                CLIENTS.size());
        // clients run side by side, each against its own server: the demo takes as long as the slowest one
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS.size());
        try {
            List<Future<Row>> runs = new ArrayList<>();
            for (Function<RunStats, PageFetcher> client : CLIENTS) {
                runs.add(pool.submit(() -> run(client, outputDir, out)));
            }
            List<Row> rows = new ArrayList<>();
            for (Future<Row> run : runs) {
                rows.add(join(run));
            }
            printSummary(out, rows);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Row join(Future<Row> run) throws IOException {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }

    static Row run(Function<RunStats, PageFetcher> client, Path outputDir, PrintStream out) throws IOException {
        RunStats stats = new RunStats();
        long started = System.nanoTime();
        try (FlakyServer server = FlakyServer.start(SEED, PAGES);
                PageFetcher fetcher = client.apply(stats)) {
            stats.printTo(out, fetcher.label());
            Path dir =
                    outputDir.resolve(fetcher.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            List<Path> saved = new ResilientPoller(fetcher, dir).poll(server.firstPage(), file -> {});
            out.printf(Locale.ROOT, "%s: saved %d pages to %s%n", fetcher.label(), saved.size(), dir);
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Row(fetcher.label(), saved.size(), server.attempts(), stats.retries(), stats.giveUps(), seconds);
        }
    }

    private static void printSummary(PrintStream out, List<Row> rows) {
        out.println();
        out.printf(
                Locale.ROOT,
                "%-22s %6s %16s %8s %-22s %9s%n",
                "client",
                "pages",
                "server attempts",
                "retries",
                "gave up",
                "wall time");
        boolean unseen = false;
        for (Row row : rows) {
            out.printf(
                    Locale.ROOT,
                    "%-22s %6d %16d %8d %-22s %8.1fs%n",
                    row.client(),
                    row.pages(),
                    row.attempts(),
                    row.retries(),
                    row.giveUps(),
                    row.seconds());
            unseen |= row.attempts() > row.pages() + row.retries();
        }
        if (unseen) {
            out.println("server attempts > pages + retries: the HTTP client re-sent some requests itself, unseen by"
                    + " Tenax (the JDK client re-sends a GET once when its connection closes before any answer)");
        }
    }
}
