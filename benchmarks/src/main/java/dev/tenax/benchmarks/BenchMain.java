package dev.tenax.benchmarks;

import dev.tenax.benchmarks.http.ClientVariants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs JMH with the usual command line ({@code CallOverhead -prof gc}, {@code -f 1}, {@code -l}, {@code -h}, …) and
 * prints the results as a Markdown table: score, allocation per operation (with {@code -prof gc}), overhead over
 * the matching bare baseline, and Tenax's overhead as a multiple of each peer's.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests -Djmh.args="CallOverhead -prof gc"
 * ./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests -Djmh.args="HttpSuccess -prof gc"
 * ./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests -Djmh.args="CannedExchange -prof gc"
 * </pre>
 *
 * <p>Results of {@link HttpSuccessBenchmark} (P2) get their own table: throughput per client variant and its
 * ratio to the same client's bare row; those of {@link CannedExchangeBenchmark} (P2b) theirs: each row's overhead
 * over its group's bare row, in time and bytes, against issue 13's target.
 */
public final class BenchMain {
    private static final String ALLOC_NORM = "gc.alloc.rate.norm";

    /** The {@code @Param} of {@link HttpSuccessBenchmark}: its rows are printed as P2's table. */
    private static final String VARIANT = "variant";

    /** The benchmarks printed as the canned-exchange table. */
    private static final String CANNED = CannedExchangeBenchmark.class.getName() + ".";

    /** Issue 13's target for every adapter variant, per successful call over the bare path. */
    static final int TARGET_NANOS = 250;

    static final int TARGET_BYTES = 200;

    /** The baseline each benchmark is compared with (by short method name); absent: the synchronous {@code bare}. */
    private static final Map<String, String> BASELINES = Map.of("tenaxCallAsync", "bareAsync");

    /** The peers, in the order of the ratio columns. */
    private static final Map<String, String> PEERS = peers();

    /** The rows whose overhead is compared with the peers': Tenax's synchronous success path. */
    private static final List<String> COMPARED = List.of("tenaxCall", "tenaxCallNoTimeout");

    private BenchMain() {}

    public static void main(String[] args) throws RunnerException {
        CommandLineOptions cmd;
        try {
            cmd = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Bad JMH arguments: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (cmd.shouldHelp()) {
            try {
                cmd.showHelp();
            } catch (IOException e) {
                throw new RunnerException(e);
            }
            return;
        }
        Runner runner = new Runner(cmd);
        if (cmd.shouldList()) {
            runner.list();
            return;
        }
        Options options = new OptionsBuilder().parent(cmd).build();
        Collection<RunResult> results = new Runner(options).run();
        List<RunResult> http = new ArrayList<>();
        List<RunResult> canned = new ArrayList<>();
        List<RunResult> other = new ArrayList<>();
        for (RunResult r : results) {
            if (r.getParams().getParam(VARIANT) != null) {
                http.add(r);
            } else if (r.getParams().getBenchmark().startsWith(CANNED)) {
                canned.add(r);
            } else {
                other.add(r);
            }
        }
        System.out.println();
        System.out.println(machine());
        if (!other.isEmpty()) {
            System.out.println();
            System.out.println(table(other));
        }
        if (!http.isEmpty()) {
            System.out.println();
            System.out.println(httpTable(http));
        }
        if (!canned.isEmpty()) {
            System.out.println();
            System.out.println(cannedTable(canned));
        }
    }

    /**
     * The table of {@link CannedExchangeBenchmark}: each row's overhead over its group's bare row
     * ({@code okhttpExecute_interceptor} over {@code okhttpExecute_bare}), in time and in bytes, against the
     * target of issue 13 (at most {@value #TARGET_NANOS} ns and {@value #TARGET_BYTES} B per call).
     */
    static String cannedTable(Collection<RunResult> results) {
        Map<String, Row> rows = rows(results, r -> shortName(r.getParams().getBenchmark()));
        String unit = rows.isEmpty() ? "ns/op" : rows.values().iterator().next().unit;
        StringBuilder out = new StringBuilder();
        out.append("| Row | ")
                .append(unit)
                .append(" (± 99.9 % CI) | median | B/op | Overhead over bare (")
                .append(unitOfTime(unit))
                .append(", ± CI) | Median overhead | Extra B/op | Target ≤ ")
                .append(TARGET_NANOS)
                .append(" ns, ≤ ")
                .append(TARGET_BYTES)
                .append(" B |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows.values()) {
            appendMeasures(out, row);
            int underscore = row.name.indexOf('_');
            String baselineName = underscore < 0 ? row.name : row.name.substring(0, underscore + 1) + "bare";
            Row base = rows.get(baselineName);
            if (baselineName.equals(row.name)) {
                out.append("baseline | baseline | baseline | — |\n");
                continue;
            }
            if (base == null) {
                out.append("— (no `").append(baselineName).append("` row) | — | — | — |\n");
                continue;
            }
            double overhead = row.score - base.score;
            double error = Math.hypot(row.error, base.error);
            double bytes = row.bytes - base.bytes;
            out.append(fmt(overhead))
                    .append(" ± ")
                    .append(fmt(error))
                    .append(" | ")
                    .append(fmt(row.median - base.median))
                    .append(" | ")
                    .append(Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes))
                    .append(" | ")
                    .append(verdict(overhead, error, bytes))
                    .append(" |\n");
        }
        out.append('\n')
                .append("Score = JMH's mean over all measurement iterations of all forks; median = the median")
                .append(" iteration. Overhead = score − score of the group's `_bare` row (± the two errors")
                .append(" combined); extra B/op = the difference of `gc.alloc.rate.norm`. Target (issue 13): at")
                .append(" most ")
                .append(TARGET_NANOS)
                .append(" ns and ")
                .append(TARGET_BYTES)
                .append(" B per successful call over the bare path; a time whose CI is wider than the target is")
                .append(" unresolved (rerun on a quiet machine), allocation is exact whatever the load.");
        return out.toString();
    }

    /**
     * Met or missed, per target; a time whose confidence interval is wider than the target itself says nothing
     * either way (a loaded machine) and is reported as unresolved.
     */
    private static String verdict(double overheadNanos, double errorNanos, double extraBytes) {
        String time = Double.isNaN(errorNanos) || errorNanos > TARGET_NANOS
                ? "time unresolved (CI > target)"
                : overheadNanos <= TARGET_NANOS ? "time met" : "time missed";
        String bytes = Double.isNaN(extraBytes)
                ? "bytes n/a (run with -prof gc)"
                : extraBytes <= TARGET_BYTES ? "bytes met" : "bytes missed";
        return time + ", " + bytes;
    }

    /**
     * P2's table: each client variant's throughput, and its ratio to the same client's bare row
     * ({@link ClientVariants#baselineOf}).
     */
    static String httpTable(Collection<RunResult> results) {
        Map<String, Row> rows = rows(results, r -> r.getParams().getParam(VARIANT));
        String unit = rows.isEmpty() ? "ops/s" : rows.values().iterator().next().unit;
        StringBuilder out = new StringBuilder();
        out.append("| Variant | ")
                .append(unit)
                .append(" (± 99.9 % CI) | median | B/op | Throughput ÷ bare (± CI) | Median ÷ bare median |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (Row row : rows.values()) {
            String baselineName = ClientVariants.baselineOf(row.name);
            Row base = rows.get(baselineName);
            appendMeasures(out, row);
            if (baselineName.equals(row.name)) {
                out.append("baseline | baseline");
            } else if (base == null || base.score <= 0) {
                out.append("— (no `").append(baselineName).append("` row) | —");
            } else {
                double ratio = row.score / base.score;
                double relError = Math.hypot(row.error / row.score, base.error / base.score);
                out.append(String.format(Locale.ROOT, "%.3f", ratio))
                        .append(
                                Double.isNaN(relError)
                                        ? " ± n/a"
                                        : String.format(Locale.ROOT, " ± %.3f", ratio * relError))
                        .append(" | ")
                        .append(String.format(Locale.ROOT, "%.3f", row.median / base.median));
            }
            out.append(" |\n");
        }
        out.append('\n')
                .append("Throughput = JMH's mean over all measurement iterations of all forks (one thread); median =")
                .append(" the median iteration. Ratio = the row's throughput ÷ its client's bare row (target ≥ 0.98);")
                .append(" its CI combines both rows' relative errors. B/op includes the in-process server's work.");
        return out.toString();
    }

    /** One line: date, JDK and CPU. */
    static String machine() {
        String date = ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT));
        String jdk = System.getProperty("java.vm.name") + " " + Runtime.version() + " ("
                + System.getProperty("java.vendor") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        return "Date: " + date + " · JDK: " + jdk + " · OS: " + os + " · CPUs (nproc): "
                + Runtime.getRuntime().availableProcessors() + " · CPU model: "
                + cpuModel().orElse("unknown");
    }

    private static Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    int colon = line.indexOf(':');
                    if (colon >= 0) {
                        return Optional.of(line.substring(colon + 1).trim());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The cells every table starts a row with: name, score ± error, median, B/op. */
    private static void appendMeasures(StringBuilder out, Row row) {
        out.append("| `")
                .append(row.name)
                .append("` | ")
                .append(fmt(row.score))
                .append(" ± ")
                .append(fmt(row.error))
                .append(" | ")
                .append(fmt(row.median))
                .append(" | ")
                .append(Double.isNaN(row.bytes) ? "n/a" : String.format(Locale.ROOT, "%.0f", row.bytes))
                .append(" | ");
    }

    /** One row per result, in JMH's order, named by {@code nameOf}. */
    private static Map<String, Row> rows(Collection<RunResult> results, Function<RunResult, String> nameOf) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = nameOf.apply(r);
            Result<?> primary = r.getPrimaryResult();
            Result<?> alloc = allocation(r);
            rows.put(
                    name,
                    new Row(
                            name,
                            primary.getScore(),
                            primary.getScoreError(),
                            primary.getStatistics().getPercentile(50),
                            primary.getScoreUnit(),
                            alloc == null ? Double.NaN : alloc.getScore()));
        }
        return rows;
    }

    /** The Markdown table of {@code results}, in JMH's order. */
    static String table(Collection<RunResult> results) {
        Map<String, Row> rows = rows(results, r -> shortName(r.getParams().getBenchmark()));
        String unit = rows.isEmpty() ? "ns/op" : rows.values().iterator().next().unit;

        StringBuilder out = new StringBuilder();
        out.append("| Benchmark | ")
                .append(unit)
                .append(" (± 99.9 % CI) | median | B/op | Overhead over bare (")
                .append(unitOfTime(unit))
                .append(")");
        for (String peer : PEERS.values()) {
            out.append(" | Tenax overhead ÷ ").append(peer).append("'s");
        }
        out.append(" |\n|---|---:|---:|---:|---:");
        out.append("|---:".repeat(PEERS.size()));
        out.append("|\n");

        for (Row row : rows.values()) {
            appendMeasures(out, row);
            if (baselineOf(row.name).equals(row.name)) {
                out.append("baseline");
            } else {
                Double overhead = overhead(rows, row);
                Row baseline = rows.get(baselineOf(row.name));
                if (overhead == null || baseline == null) {
                    out.append("—");
                } else {
                    out.append(fmt(overhead)).append(" ± ").append(fmt(Math.hypot(row.error, baseline.error)));
                }
            }
            for (String peer : PEERS.keySet()) {
                out.append(" | ").append(ratio(rows, row, peer));
            }
            out.append(" |\n");
        }
        out.append('\n')
                .append("Score = JMH's mean over all measurement iterations of all forks; median = the median")
                .append(" iteration (less sensitive to a noisy neighbour). Overhead = score − score of `bare`")
                .append(" (`bareAsync` for `tenaxCallAsync`), ± the two errors combined. Ratios compare the overhead")
                .append(" of Tenax's synchronous success path with each peer's; below 1 means Tenax is cheaper.");
        return out.toString();
    }

    private static @Nullable Double overhead(Map<String, Row> rows, Row row) {
        String baselineName = baselineOf(row.name);
        if (baselineName.equals(row.name)) {
            return 0.0;
        }
        Row baseline = rows.get(baselineName);
        return baseline == null ? null : row.score - baseline.score;
    }

    private static String ratio(Map<String, Row> rows, Row row, String peerName) {
        if (!COMPARED.contains(row.name)) {
            return "—";
        }
        Row peer = rows.get(peerName);
        Double mine = overhead(rows, row);
        if (peer == null || mine == null) {
            return "—";
        }
        Double theirs = overhead(rows, peer);
        if (theirs == null || theirs <= 0) {
            return "n/a";
        }
        if (mine <= 0) {
            return "≈ 0× (no measurable overhead)";
        }
        return String.format(Locale.ROOT, "%.2f×", mine / theirs);
    }

    private static String baselineOf(String name) {
        if (name.startsWith("bare")) {
            return name;
        }
        return BASELINES.getOrDefault(name, "bare");
    }

    private static @Nullable Result<?> allocation(RunResult r) {
        // JMH 1.37 names it "gc.alloc.rate.norm"; older versions prefixed a middle dot
        for (String key : r.getSecondaryResults().keySet()) {
            if (key.endsWith(ALLOC_NORM)) {
                return r.getSecondaryResults().get(key);
            }
        }
        return null;
    }

    private static String shortName(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private static String unitOfTime(String unit) {
        int slash = unit.indexOf('/');
        return slash < 0 ? unit : unit.substring(0, slash);
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.1f", v);
    }

    private static Map<String, String> peers() {
        Map<String, String> peers = new LinkedHashMap<>();
        peers.put("failsafe", "Failsafe");
        peers.put("resilience4j", "Resilience4j");
        return peers;
    }

    private record Row(String name, double score, double error, double median, String unit, double bytes) {}
}
