package dev.tenax.benchmarks;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryBudget;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.Tenax;
import dev.tenax.benchmarks.http.ClientVariants;
import dev.tenax.benchmarks.http.LoadClient;
import dev.tenax.benchmarks.http.LoadServer;
import dev.tenax.benchmarks.http.RetrySetup;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * P3: retry storms. A loopback server fails every request ({@code 503}, no {@code Retry-After}), then 30 % of
 * them; {@code --callers} threads (16) send {@code --requests} logical requests (1,000) per row, blocking, and the
 * server counts what it sees. Prints two Markdown tables: server-seen attempts per logical request in the full
 * outage; success rate and amplification in the partial outage.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests -Dbench.main=dev.tenax.benchmarks.RetryStorm \
 *     -Dbench.args="--requests 1000 --callers 16"
 * </pre>
 *
 * <p>Every row gets a new server (a new port: a new origin, so the JVM-wide per-host budget of Tenax's default
 * policy starts full for each Tenax row) and a new client. Every row runs on real time: {@link VirtualTime} is one
 * caller's clock, and with 16 callers advancing it together deadlines and budget windows raced ahead (the old
 * "virtual" rows were an artifact of that). The default budget now bounds a full outage to 5 retries, so the
 * default rows are fast in real time too. The
 * default listeners (log, JFR, Micrometer) are switched off: the harness's own listener counts retries and
 * give-ups.
 */
public final class RetryStorm {
    /** How a row's waits pass. */
    enum Time {
        /** Real waits. */
        REAL
    }

    /** A row: a client variant, how it retries, and on which clock. */
    record Row(String variant, String setupLabel, Time time, Setup setup) {}

    /** Builds a row's {@link RetrySetup}, given the listener that counts Tenax's retries and give-ups. */
    @FunctionalInterface
    interface Setup {
        RetrySetup build(RetryListener counter);
    }

    /** The rows of each scenario, in table order. */
    static List<Row> rows() {
        Duration fast = Duration.ofMillis(1);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(
                ClientVariants.OKHTTP_BARE,
                "none (OkHttp's built-in retry at its default, on)",
                Time.REAL,
                c -> tenax(c, null)));
        rows.add(new Row(
                ClientVariants.OKHTTP_TENAX_CALL_FACTORY,
                "Tenax defaults (10 attempts, 45 s, per-host budget)",
                Time.REAL,
                c -> tenax(c, null)));
        rows.add(new Row(
                ClientVariants.OKHTTP_TENAX_INTERCEPTOR,
                "Tenax defaults (10 attempts, 45 s, per-host budget)",
                Time.REAL,
                c -> tenax(c, null)));
        rows.add(new Row(
                ClientVariants.OKHTTP_TENAX_INTERCEPTOR,
                "Tenax 10 attempts, waits 1 ms + U(0, 1 ms), budget on (the default)",
                Time.REAL,
                c -> tenaxFast(c, null)));
        rows.add(new Row(
                ClientVariants.OKHTTP_TENAX_INTERCEPTOR,
                "Tenax 10 attempts, waits 1 ms + U(0, 1 ms), budget off (`RetryBudget.unlimited()`)",
                Time.REAL,
                c -> tenaxFast(c, RetryBudget.unlimited())));
        rows.add(new Row(
                ClientVariants.OKHTTP_FAILSAFE,
                "documented defaults (3 attempts, no delay) + retry the same statuses",
                Time.REAL,
                c -> peer(c, 0, null)));
        rows.add(new Row(ClientVariants.OKHTTP_FAILSAFE, "10 attempts, 1 ms delay", Time.REAL, c -> peer(c, 10, fast)));
        rows.add(new Row(
                ClientVariants.OKHTTP_RESILIENCE4J,
                "documented defaults (3 attempts, 500 ms wait) + retry the same statuses",
                Time.REAL,
                c -> peer(c, 0, null)));
        rows.add(new Row(
                ClientVariants.OKHTTP_RESILIENCE4J, "10 attempts, 1 ms wait", Time.REAL, c -> peer(c, 10, fast)));
        rows.add(new Row(ClientVariants.APACHE_BARE, "none (automatic retries off)", Time.REAL, c -> tenax(c, null)));
        rows.add(new Row(
                ClientVariants.APACHE_DEFAULT_RETRY,
                "`DefaultHttpRequestRetryStrategy` defaults (1 retry, 1 s wait, 429/503)",
                Time.REAL,
                c -> peer(c, 0, null)));
        rows.add(new Row(
                ClientVariants.APACHE_DEFAULT_RETRY,
                "`DefaultHttpRequestRetryStrategy(9, 1 ms)`: 10 attempts, 1 ms wait, 429/503",
                Time.REAL,
                c -> peer(c, 10, fast)));
        rows.add(new Row(
                ClientVariants.APACHE_TENAX_CLASSIC,
                "Tenax defaults (10 attempts, 45 s, per-host budget)",
                Time.REAL,
                c -> tenax(c, null)));
        rows.add(new Row(
                ClientVariants.JDK_BARE,
                "none (the JDK's own one re-send after a `ConnectException`)",
                Time.REAL,
                c -> tenax(c, null)));
        rows.add(new Row(
                ClientVariants.JDK_TENAX,
                "Tenax defaults (10 attempts, 45 s, per-host budget)",
                Time.REAL,
                c -> tenax(c, null)));
        return rows;
    }

    private static RetrySetup tenax(RetryListener counter, @Nullable RetryBudget budget) {
        HttpRetryPolicy.Builder policy = HttpRetryPolicy.defaults().toBuilder().listener(counter);
        if (budget != null) {
            policy.budget(budget);
        }
        return new RetrySetup(policy.build(), 0, null);
    }

    /** Tenax's defaults with the waits of the fast peer rows: 1 ms + U(0, 1 ms). */
    private static RetrySetup tenaxFast(RetryListener counter, @Nullable RetryBudget budget) {
        HttpRetryPolicy.Builder policy = HttpRetryPolicy.defaults().toBuilder()
                .waitInitial(Duration.ofMillis(1))
                .waitMax(Duration.ofMillis(1))
                .waitJitter(Duration.ofMillis(1))
                .listener(counter);
        if (budget != null) {
            policy.budget(budget);
        }
        return new RetrySetup(policy.build(), 0, null);
    }

    private static RetrySetup peer(RetryListener counter, int attempts, @Nullable Duration wait) {
        return new RetrySetup(
                HttpRetryPolicy.defaults().toBuilder().listener(counter).build(), attempts, wait);
    }

    private RetryStorm() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        if (args.has("help")) {
            System.out.println("RetryStorm [--requests 1000] [--callers 16] [--share 30] [--scenario full|partial|all]"
                    + " [--rows 1,2,...] [--row-limit-s 75]");
            return;
        }
        int requests = args.getInt("requests", 1000);
        int callers = args.getInt("callers", 16);
        int sharePercent = args.getInt("share", 30);
        String scenario = args.get("scenario", "all");
        long rowLimitNanos = TimeUnit.SECONDS.toNanos(args.getInt("row-limit-s", 75));
        List<Integer> only = new ArrayList<>();
        for (String s : args.getList("rows", "")) {
            only.add(Integer.parseInt(s));
        }

        Tenax.setListeners(List.of());
        List<Row> rows = rows();
        StringBuilder full = new StringBuilder();
        StringBuilder partial = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if ((!only.isEmpty() && !only.contains(i + 1)) || !ClientVariants.isRegistered(row.variant())) {
                continue;
            }
            if (!scenario.equals("partial")) {
                Result r = run(row, LoadServer.Behaviour.always(503), requests, callers, rowLimitNanos);
                System.err.println("full    " + (i + 1) + " " + row.variant() + " " + r);
                full.append(fullLine(i + 1, row, r));
            }
            if (!scenario.equals("full")) {
                Result r = run(
                        row,
                        LoadServer.Behaviour.failShare(sharePercent / 100.0, 503),
                        requests,
                        callers,
                        rowLimitNanos);
                System.err.println("partial " + (i + 1) + " " + row.variant() + " " + r);
                partial.append(partialLine(i + 1, row, r));
            }
        }
        System.out.println();
        System.out.println(BenchMain.machine());
        System.out.println();
        System.out.println(Percentiles.fmt(
                "Logical requests per row: %d, from %d concurrent callers (blocking calls).", requests, callers));
        if (full.length() > 0) {
            System.out.println();
            System.out.println("**Full outage** (every request answered `503`, no `Retry-After`)");
            System.out.println();
            System.out.println("| # | Client | Retry setup | Clock | Requests done | Server-seen attempts"
                    + " | Attempts ÷ request | Tenax retries | Tenax give-ups (budget / attempts / deadline / other)"
                    + " | Wall (s) |");
            System.out.println("|---:|---|---|---|---:|---:|---:|---:|---|---:|");
            System.out.print(full);
        }
        if (partial.length() > 0) {
            System.out.println();
            System.out.println(Percentiles.fmt(
                    "**Partial outage** (%d %% of requests answered `503`, by a fixed pseudo-random sequence)",
                    sharePercent));
            System.out.println();
            System.out.println("| # | Client | Retry setup | Clock | Requests done | Succeeded (200) | Success rate"
                    + " | Server-seen attempts | Amplification (attempts ÷ request) | Tenax give-ups"
                    + " (budget / attempts / deadline / other) | Wall (s) |");
            System.out.println("|---:|---|---|---|---:|---:|---:|---:|---:|---|---:|");
            System.out.print(partial);
        }
    }

    private static String fullLine(int n, Row row, Result r) {
        return Percentiles.fmt(
                "| %d | `%s` | %s | %s | %d%s | %d | %.3f | %s | %s | %.1f |%n",
                n,
                row.variant(),
                row.setupLabel(),
                row.time() == Time.REAL ? "real" : "virtual",
                r.done,
                r.done < r.planned ? " (row time limit)" : "",
                r.attempts,
                r.done == 0 ? Double.NaN : (double) r.attempts / r.done,
                tenaxOnly(row, Long.toString(r.retries)),
                tenaxOnly(row, r.giveUps()),
                r.wallNanos / 1e9);
    }

    private static String partialLine(int n, Row row, Result r) {
        return Percentiles.fmt(
                "| %d | `%s` | %s | %s | %d%s | %d | %.1f %% | %d | %.3f | %s | %.1f |%n",
                n,
                row.variant(),
                row.setupLabel(),
                row.time() == Time.REAL ? "real" : "virtual",
                r.done,
                r.done < r.planned ? " (row time limit)" : "",
                r.ok,
                r.done == 0 ? Double.NaN : 100.0 * r.ok / r.done,
                r.attempts,
                r.done == 0 ? Double.NaN : (double) r.attempts / r.done,
                tenaxOnly(row, r.giveUps()),
                r.wallNanos / 1e9);
    }

    private static String tenaxOnly(Row row, String value) {
        return row.variant().contains("tenax") && !row.variant().endsWith("-core") ? value : "—";
    }

    /** Runs one row on a new server and client. */
    static Result run(Row row, LoadServer.Behaviour behaviour, int requests, int callers, long limitNanos)
            throws Exception {
        Counter counter = new Counter();
        try (LoadServer server = LoadServer.start(behaviour, 4);
                LoadClient client = ClientVariants.byName(row.variant())
                        .open()
                        .apply(row.setup().build(counter))) {
            URI uri = server.uri("/p3");
            AtomicInteger next = new AtomicInteger();
            LongAdder ok = new LongAdder();
            LongAdder done = new LongAdder();
            LongAdder errors = new LongAdder();
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            long start = System.nanoTime();
            long deadline = start + limitNanos;
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < callers; c++) {
                    futures.add(pool.submit(() -> {
                        while (System.nanoTime() < deadline && next.getAndIncrement() < requests) {
                            try {
                                if (client.send(uri, null) == 200) {
                                    ok.increment();
                                }
                            } catch (IOException e) {
                                errors.increment();
                            }
                            done.increment();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            long wall = System.nanoTime() - start;
            return new Result(
                    requests,
                    done.intValue(),
                    ok.intValue(),
                    errors.intValue(),
                    server.requests(),
                    counter.retries.get(),
                    counter.snapshot(),
                    wall);
        }
    }

    /** Counts Tenax's scheduled retries and give-ups by reason. */
    static final class Counter implements RetryListener {
        final AtomicLong retries = new AtomicLong();
        private final Map<GiveUpReason, LongAdder> giveUps = new EnumMap<>(GiveUpReason.class);

        Counter() {
            for (GiveUpReason reason : GiveUpReason.values()) {
                giveUps.put(reason, new LongAdder());
            }
        }

        @Override
        public void onRetryScheduled(RetryDetails details) {
            retries.incrementAndGet();
        }

        @Override
        public void onGiveUp(GiveUpDetails details) {
            LongAdder adder = giveUps.get(details.reason());
            if (adder != null) {
                adder.increment();
            }
        }

        Map<GiveUpReason, Long> snapshot() {
            Map<GiveUpReason, Long> copy = new EnumMap<>(GiveUpReason.class);
            giveUps.forEach((k, v) -> copy.put(k, v.sum()));
            return copy;
        }
    }

    record Result(
            int planned,
            int done,
            int ok,
            int errors,
            long attempts,
            long retries,
            Map<GiveUpReason, Long> giveUpsByReason,
            long wallNanos) {
        String giveUps() {
            long budget = giveUpsByReason.getOrDefault(GiveUpReason.BUDGET, 0L);
            long attemptsReason = giveUpsByReason.getOrDefault(GiveUpReason.ATTEMPTS, 0L);
            long deadline = giveUpsByReason.getOrDefault(GiveUpReason.DEADLINE, 0L);
            long all =
                    giveUpsByReason.values().stream().mapToLong(Long::longValue).sum();
            return budget + " / " + attemptsReason + " / " + deadline + " / "
                    + (all - budget - attemptsReason - deadline);
        }

        @Override
        public String toString() {
            return "done=" + done + " ok=" + ok + " errors=" + errors + " attempts=" + attempts + " retries=" + retries
                    + " giveUps=" + giveUpsByReason + " wall=" + wallNanos / 1_000_000 + "ms";
        }
    }
}
