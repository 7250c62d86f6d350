package dev.tenax.benchmarks;

import dev.tenax.Tenax;
import dev.tenax.benchmarks.sim.ObservedBudget;
import dev.tenax.benchmarks.sim.RowResult;
import dev.tenax.benchmarks.sim.Scenario;
import dev.tenax.benchmarks.sim.SimBudgets;
import dev.tenax.benchmarks.sim.SimRow;
import dev.tenax.benchmarks.sim.Traffic;
import dev.tenax.http.HttpRetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * P3 by simulation: does a retry budget bound the load that retries add, at every request rate? A discrete-event
 * simulation (see {@code dev.tenax.benchmarks.sim}) runs Tenax's real HTTP driver, engine and budgets against a
 * simulated host on a virtual clock: each logical request has its own timeline (attempts answered after
 * {@code --latency-ms}, 20 ms; the default waits, 100 ms × 2ⁿ⁻¹ + U(0, 1 s) up to 5 s, timed by a virtual
 * scheduler with their true delay; the 45 s deadline on the same clock), so a minute of 1,000 requests a second
 * runs in seconds, and the same {@code --seed} gives the same table.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests -Dbench.main=dev.tenax.benchmarks.StormSimulation \
 *     -Dbench.args="--seed 1"
 * </pre>
 *
 * <p>Rows: Poisson arrivals at 1, 10, 100 and 1,000 requests per second to one host for {@code --seconds} (60),
 * crossed with the scenarios (a full outage, every answer {@code 503}, with or without {@code Retry-After: 1};
 * sporadic independent {@code 503}s, 1, 5, 10, 30 %; 30 s of outage then healthy; a server-side rate limiter of
 * 5 r/s answering {@code 429} + {@code Retry-After: 1}, at 10 and 100 r/s only), and with the budgets of
 * {@link SimBudgets} (none, the old {@code ratio} default, the {@code tokenBucket(5, 0.2)} default, gRPC A6's and
 * the AWS SDK's constants), a fresh instance each; plus the burst of the targets (100 GETs from 20 callers,
 * every answer {@code 503}, 4 attempts, waits 10–50 ms). Otherwise the HTTP defaults (10 attempts, 45 s). After
 * the last arrival, the row runs until every request has ended.
 *
 * <p><b>Recovery</b> ("successes until a retry"): in the outage-then-healthy scenario, the number of requests
 * that succeeded after the outage ended before a failure would again get its retry. The budget is probed, not the
 * server: at the end of the outage and after each success, the harness asks whether a failure at that moment would
 * be granted its retry ({@link ObservedBudget#wouldRetry}, which does not change the budget's state), so
 * measuring sends nothing and costs no token. {@code 0}: retries were available the moment the outage ended;
 * "never": not within the row's successes (shown).
 *
 * <p>Below the table, the targets are checked against the budget named by {@code --check} (the default budget):
 * PASS or FAIL each, with the numbers. The default listeners (log, JFR, Micrometer) are off: the simulation counts
 * for itself.
 */
public final class StormSimulation {
    private static final int LIMITER_RATE = 5;
    private static final int BURST_REQUESTS = 100;
    private static final int BURST_CALLERS = 20;
    private static final String BURST = "burst: 100 GETs, 20 concurrent, all 503 (4 attempts, waits 10–50 ms)";
    private static final String LIMITER_BURST =
            "burst: 20 GETs, 4 concurrent, against a 5 r/s limiter (429 + Retry-After: 1; 20 attempts, 30 s)";

    private StormSimulation() {}

    /** One (scenario, traffic) group of rows; each budget gets a row. */
    private record Group(
            Scenario scenario, Traffic traffic, String rateLabel, UnaryOperator<HttpRetryPolicy.Builder> policy) {}

    public static void main(String[] argv) {
        Args args = new Args(argv);
        if (args.has("help")) {
            System.out.println("StormSimulation [--seed 1] [--seconds 60] [--latency-ms 20] [--rates 1,10,100,1000]"
                    + " [--budgets none,ratio,default,grpc,aws] [--check default]"
                    + " (budgets: none, ratio[:p:min:window_s], default, tb:capacity:refill, grpc[:max:ratio], aws)");
            return;
        }
        long seed = Long.parseLong(args.get("seed", "1"));
        int seconds = args.getInt("seconds", 60);
        long latencyNanos = Duration.ofMillis(args.getInt("latency-ms", 20)).toNanos();
        List<Integer> rates = new ArrayList<>();
        for (String r : args.getList("rates", "1,10,100,1000")) {
            rates.add(Integer.parseInt(r));
        }
        List<String> budgets = new ArrayList<>(args.getList("budgets", String.join(",", SimBudgets.TABLE)));
        String check = args.get("check", "default");
        if (!budgets.contains(check)) {
            budgets.add(check);
        }
        if (!budgets.contains("none")) {
            budgets.add(0, "none"); // the sporadic and limiter targets compare with it
        }

        Tenax.setListeners(List.of());
        List<Group> groups = groups(rates, seconds);
        Map<String, RowResult> results = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder();
        long wallStart = System.nanoTime();
        for (Group g : groups) {
            long rowSeed = mix(seed, g.scenario().label(), g.rateLabel());
            for (String spec : budgets) {
                ObservedBudget budget = SimBudgets.create(spec);
                RowResult r = new SimRow(g.scenario(), budget, g.traffic(), rowSeed, latencyNanos, g.policy()).run();
                results.put(key(g.scenario().label(), g.rateLabel(), spec), r);
                System.err.println(Percentiles.fmt(
                        "%-45s %5s %-40s %s wall=%dms",
                        g.scenario().label(), g.rateLabel(), budget.label(), r, r.wallNanos() / 1_000_000));
                table.append(line(g, budget, r));
            }
        }
        long wall = System.nanoTime() - wallStart;

        System.out.println();
        System.out.println(BenchMain.machine());
        System.out.println();
        System.out.println(Percentiles.fmt(
                "Seed %d · arrivals for %d s (Poisson) · latency %d ms · HTTP defaults (10 attempts, 45 s, default"
                        + " waits) but for the budget · default budget of `HttpRetryPolicy.builder().build()`: `%s`"
                        + " · simulated in %.1f s",
                seed,
                seconds,
                latencyNanos / 1_000_000,
                HttpRetryPolicy.defaults().budget(),
                wall / 1e9));
        System.out.println();
        System.out.println(
                "| Scenario | Rate (r/s) | Budget | Requests | Attempts ÷ request | Success | Retries granted"
                        + " / refused | Successes after recovery until a retry | Last request ended (virtual s) |");
        System.out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|");
        System.out.print(table);
        System.out.println();
        StormTargets.print(
                results,
                rates,
                check,
                SimBudgets.create(check).label(),
                Scenario.recovery(seconds / 2).label());
    }

    private static List<Group> groups(List<Integer> rates, int seconds) {
        UnaryOperator<HttpRetryPolicy.Builder> defaults = b -> b;
        List<Scenario> scenarios = List.of(
                Scenario.outage(),
                Scenario.outageRetryAfter(),
                Scenario.sporadic(1),
                Scenario.sporadic(5),
                Scenario.sporadic(10),
                Scenario.sporadic(30),
                Scenario.recovery(seconds / 2));
        List<Group> groups = new ArrayList<>();
        for (Scenario s : scenarios) {
            for (int rate : rates) {
                groups.add(new Group(s, Traffic.poisson(rate, seconds), Integer.toString(rate), defaults));
            }
        }
        Scenario limiter = Scenario.rateLimiter(LIMITER_RATE);
        for (int rate : rates) {
            if (rate > LIMITER_RATE && rate <= 100) {
                groups.add(new Group(limiter, Traffic.poisson(rate, seconds), Integer.toString(rate), defaults));
            }
        }
        groups.add(new Group(
                new Scenario(BURST, Scenario.outage().behaviour(), -1),
                Traffic.burst(BURST_REQUESTS, BURST_CALLERS),
                "—",
                b -> b.attempts(4)
                        .waitInitial(Duration.ofMillis(10))
                        .waitJitter(Duration.ofMillis(10))
                        .waitMax(Duration.ofMillis(50))));
        // the rate-limiter target: a burst the limiter can serve by pacing (the sustained rows above cannot be)
        groups.add(new Group(
                new Scenario(LIMITER_BURST, limiter.behaviour(), -1),
                Traffic.burst(20, 4),
                "—",
                b -> b.attempts(20).timeout(Duration.ofSeconds(30))));
        return groups;
    }

    static String key(String scenario, String rate, String budget) {
        return scenario + "|" + rate + "|" + budget;
    }

    static String burstLabel() {
        return BURST;
    }

    static String limiterBurstLabel() {
        return LIMITER_BURST;
    }

    private static long mix(long seed, String scenario, String rate) {
        long h = seed * 0x9E3779B97F4A7C15L + scenario.hashCode();
        return h * 0xBF58476D1CE4E5B9L + rate.hashCode();
    }

    private static String line(Group g, ObservedBudget budget, RowResult r) {
        String recovery;
        if (g.scenario().recoveryNanos() < 0) {
            recovery = "—";
        } else if (r.untilRetry() >= 0) {
            recovery = Long.toString(r.untilRetry());
        } else {
            recovery = "never (" + r.successesAfterRecovery() + " ok)";
        }
        return Percentiles.fmt(
                "| %s | %s | %s | %d | %.3f | %s %% | %d / %d | %s | %.1f |%n",
                g.scenario().label(),
                g.rateLabel().equals("—") ? "—" : Percentiles.fmt("%,d", Integer.parseInt(g.rateLabel())),
                budget.label(),
                r.requests(),
                r.amplification(),
                percent(r.successPercent()),
                r.granted(),
                r.refused(),
                recovery,
                r.virtualNanos() / 1e9);
    }

    /** A success rate, rounded down (so that 99.996 % never reads as 100). */
    static String percent(double p) {
        return p == 100.0 ? "100" : Percentiles.fmt("%.2f", Math.floor(p * 100) / 100);
    }
}
