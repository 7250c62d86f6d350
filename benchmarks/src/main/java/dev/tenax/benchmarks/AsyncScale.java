package dev.tenax.benchmarks;

import dev.tenax.RetryBudget;
import dev.tenax.Tenax;
import dev.tenax.benchmarks.http.ClientVariants;
import dev.tenax.benchmarks.http.LoadClient;
import dev.tenax.benchmarks.http.LoadServer;
import dev.tenax.benchmarks.http.RetrySetup;
import dev.tenax.http.HttpRetryPolicy;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P4: async scale. {@code --calls} (10,000) asynchronous calls are started at once; the loopback server answers
 * each call's first two attempts {@code 503} and the third {@code 200} (by the {@code X-Call-Id} header). Each
 * variant runs in its own JVM ({@code -Xmx1g}), so threads and heap of one row do not leak into the next; the
 * parent prints one Markdown table: wall time, peak live threads, peak heap used.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests -Dbench.main=dev.tenax.benchmarks.AsyncScale \
 *     -Dbench.args="--calls 10000"
 * </pre>
 *
 * <p>Retry setup of every row: 3 attempts needed, waits of 50 ms + U(0, 50 ms) then 100 ms + U(0, 50 ms) (Tenax:
 * {@code waitInitial(50 ms)}, {@code waitJitter(50 ms)}, budget off: every call needs 2 retries, which a 20 %
 * budget would refuse). Short waits keep the blocking row under the time limit.
 */
public final class AsyncScale {
    /** Rows run by default, in table order. */
    static final List<String> DEFAULT_VARIANTS = List.of(
            ClientVariants.OKHTTP_TENAX_CALL_FACTORY,
            ClientVariants.OKHTTP_TENAX_INTERCEPTOR,
            ClientVariants.OKHTTP_FAILSAFE,
            ClientVariants.APACHE_TENAX_ASYNC,
            ClientVariants.JDK_TENAX);

    private static final String RESULT = "RESULT\t";

    private AsyncScale() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        if (args.has("help")) {
            System.out.println("AsyncScale [--calls 10000] [--variants a,b] [--limit-s 240] [--xmx 1g]"
                    + " [--okhttp-max-requests 64]   (--child VARIANT runs one row in this JVM)");
            return;
        }
        int calls = args.getInt("calls", 10_000);
        int limitSeconds = args.getInt("limit-s", 240);
        if (args.has("child")) {
            child(args.get("child", ""), calls, limitSeconds);
            return;
        }
        List<String> variants = args.getList("variants", String.join(",", DEFAULT_VARIANTS));
        String xmx = args.get("xmx", "1g");
        int maxRequests = args.getInt("okhttp-max-requests", 64);
        StringBuilder table = new StringBuilder();
        table.append("| Client | API | Calls | Succeeded | Server-seen attempts | Wall (s) | Peak live threads")
                .append(" (idle before) | Peak heap used, MiB (before) |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (String variant : variants) {
            if (!ClientVariants.isRegistered(variant)) {
                System.err.println("skipped " + variant + ": not registered in ClientVariants");
                continue;
            }
            String line = fork(variant, calls, limitSeconds, xmx, maxRequests);
            System.err.println(variant + ": " + line);
            table.append(line).append('\n');
        }
        System.out.println();
        System.out.println(BenchMain.machine());
        System.out.println();
        System.out.println(Percentiles.fmt(
                "%d calls started at once, each answered 503, 503, 200; child JVMs with -Xmx%s; OkHttp Dispatcher:"
                        + " %d requests in flight (per host too); Apache pool: as many connections; JDK client:"
                        + " HTTP/1.1, unbounded connections, a fixed executor of "
                        + Integer.getInteger("tenax.bench.jdk.threads", 8)
                        + " threads.",
                calls,
                xmx,
                maxRequests));
        System.out.println();
        System.out.print(table);
    }

    /** Runs one row in a new JVM on this class path and returns its table line. */
    private static String fork(String variant, int calls, int limitSeconds, String xmx, int maxRequests)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("-Xmx" + xmx);
        command.add("-Dsun.net.httpserver.nodelay=true");
        command.add("-Dtenax.bench.okhttp.maxRequests=" + maxRequests);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AsyncScale.class.getName());
        command.add("--child");
        command.add(variant);
        command.add("--calls");
        command.add(Integer.toString(calls));
        command.add("--limit-s");
        command.add(Integer.toString(limitSeconds));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(RESULT)) {
                    result = line.substring(RESULT.length());
                } else {
                    System.err.println("  [" + variant + "] " + line);
                }
            }
        }
        if (!process.waitFor(limitSeconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return result != null ? result : "| `" + variant + "` | — | failed: see the log above | | | | | |";
    }

    /** One row, in this JVM: prints its table line after {@link #RESULT}. */
    private static void child(String variant, int calls, int limitSeconds) throws Exception {
        Tenax.setListeners(List.of());
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .waitInitial(Duration.ofMillis(50))
                .waitJitter(Duration.ofMillis(50))
                .budget(RetryBudget.unlimited())
                .build();
        RetrySetup setup = new RetrySetup(policy, 3, Duration.ofMillis(75));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (LoadServer server = LoadServer.start(LoadServer.Behaviour.failFirst(2, 503), 4);
                LoadClient client = ClientVariants.byName(variant).open().apply(setup)) {
            if (!client.supportsAsync()) {
                System.out.println(RESULT + "| `" + variant + "` | — | no asynchronous API | | | | | |");
                return;
            }
            URI uri = server.uri("/p4");
            // warm the client and server up (class loading, first connection), outside the measurement
            for (int i = 0; i < 50; i++) {
                client.sendAsync(uri, null).get(10, TimeUnit.SECONDS);
            }
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            int threadsBefore = threads.getThreadCount();
            threads.resetPeakThreadCount();
            AtomicLong peakHeap = new AtomicLong(heapBefore);
            Thread sampler = new Thread(
                    () -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            peakHeap.accumulateAndGet(
                                    memory.getHeapMemoryUsage().getUsed(), Math::max);
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();

            long start = System.nanoTime();
            List<CompletableFuture<Integer>> futures = new ArrayList<>(calls);
            for (int i = 0; i < calls; i++) {
                futures.add(client.sendAsync(uri, "call-" + i));
            }
            boolean timedOut = false;
            try {
                CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                        .exceptionally(e -> null)
                        .get(limitSeconds, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                timedOut = true;
            }
            long wall = System.nanoTime() - start;
            sampler.interrupt();
            sampler.join();
            long ok = futures.stream()
                    .filter(f -> f.isDone() && !f.isCompletedExceptionally() && f.join() == 200)
                    .count();
            int peakThreads = threads.getPeakThreadCount();
            // the sampler thread is the harness's own: not counted
            System.out.println(RESULT
                    + Percentiles.fmt(
                            "| `%s` | `%s` | %d | %d | %d | %.1f%s | %d (%d) | %.0f (%.0f) |",
                            variant,
                            apiOf(variant),
                            calls,
                            ok,
                            server.requests() - 50,
                            wall / 1e9,
                            timedOut ? " (time limit)" : "",
                            peakThreads - 1,
                            threadsBefore,
                            peakHeap.get() / 1048576.0,
                            heapBefore / 1048576.0));
        }
    }

    private static String apiOf(String variant) {
        if (variant.startsWith("okhttp-failsafe")) {
            return "FailsafeCall.executeAsync";
        }
        if (variant.startsWith("okhttp-")) {
            return "enqueue";
        }
        if (variant.startsWith("apache-")) {
            return "execute(SimpleHttpRequest, callback)";
        }
        return "sendAsync";
    }
}
