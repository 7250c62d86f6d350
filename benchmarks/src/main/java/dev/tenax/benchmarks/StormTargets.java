package dev.tenax.benchmarks;

import dev.tenax.benchmarks.sim.RowResult;
import dev.tenax.benchmarks.sim.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The targets of the storm simulation, checked against one budget's rows (the default budget unless told
 * otherwise): each prints PASS or FAIL with the numbers it was judged on; where a target reads "as with no
 * budget", the unbudgeted rows' numbers are shown beside.
 */
final class StormTargets {
    private StormTargets() {}

    static void print(
            Map<String, RowResult> results, List<Integer> rates, String budget, String label, String recovery) {
        System.out.println("**Targets**, checked against `" + label + "`:");
        System.out.println();
        outage(results, rates, budget, Scenario.outage().label());
        outage(results, rates, budget, Scenario.outageRetryAfter().label());
        RowResult burst = row(results, StormSimulation.key(StormSimulation.burstLabel(), "—", budget));
        verdict(
                burst.amplification() <= 1.15,
                Percentiles.fmt(
                        "burst of 100 GETs, 20 concurrent, all 503 (4 attempts, waits 10–50 ms): %.3f"
                                + " attempts/request (target ≤ 1.15)",
                        burst.amplification()));
        sporadic(results, rates, budget, 1, 99.9);
        sporadic(results, rates, budget, 5, 99.5);
        sporadic(results, rates, budget, 10, 99.0);
        recovery(results, rates, budget, recovery);
        limiter(results, budget);
    }

    private static void outage(Map<String, RowResult> results, List<Integer> rates, String budget, String scenario) {
        double worst = 0;
        List<String> each = new ArrayList<>();
        for (int rate : rates) {
            double a = row(results, StormSimulation.key(scenario, Integer.toString(rate), budget))
                    .amplification();
            worst = Math.max(worst, a);
            each.add(Percentiles.fmt("%,d r/s %.3f", rate, a));
        }
        verdict(
                worst <= 1.10,
                Percentiles.fmt("%s, every rate ≤ 1.10 attempts/request: %s", scenario, String.join(", ", each)));
    }

    private static void sporadic(
            Map<String, RowResult> results, List<Integer> rates, String budget, int percent, double target) {
        String scenario = Scenario.sporadic(percent).label();
        double worst = 100;
        List<String> each = new ArrayList<>();
        for (int rate : rates) {
            double s = row(results, StormSimulation.key(scenario, Integer.toString(rate), budget))
                    .successPercent();
            double none = row(results, StormSimulation.key(scenario, Integer.toString(rate), "none"))
                    .successPercent();
            worst = Math.min(worst, s);
            each.add(Percentiles.fmt(
                    "%,d r/s %s %% (none %s %%)", rate, StormSimulation.percent(s), StormSimulation.percent(none)));
        }
        verdict(
                worst >= target,
                Percentiles.fmt("%s, success ≥ %s %% at every rate: %s", scenario, target, String.join(", ", each)));
    }

    private static void recovery(Map<String, RowResult> results, List<Integer> rates, String budget, String scenario) {
        boolean pass = true;
        List<String> each = new ArrayList<>();
        for (int rate : rates) {
            RowResult r = row(results, StormSimulation.key(scenario, Integer.toString(rate), budget));
            long n = r.untilRetry();
            pass &= n >= 0 && n <= 50;
            each.add(Percentiles.fmt(
                    "%,d r/s %s", rate, n >= 0 ? Long.toString(n) : "never (" + r.successesAfterRecovery() + " ok)"));
        }
        verdict(
                pass,
                Percentiles.fmt(
                        "%s: ≤ 50 successful requests until a retry is granted again: %s",
                        scenario, String.join(", ", each)));
    }

    /**
     * A burst against a rate limiter succeeds by waiting as told. (The sustained rows, 10 and 100 r/s offered to
     * 5 r/s for a minute, cannot all succeed with any client; they show the load the paced retries add.)
     */
    private static void limiter(Map<String, RowResult> results, String budget) {
        RowResult r = row(results, StormSimulation.key(StormSimulation.limiterBurstLabel(), "—", budget));
        verdict(
                r.succeeded() == r.requests(),
                Percentiles.fmt(
                        "rate limiter 5 r/s (429 + Retry-After: 1), burst of 20 from 4 callers, all succeed: %d of %d,"
                                + " %d retries refused, %.2f attempts/request",
                        r.succeeded(), r.requests(), r.refused(), r.amplification()));
    }

    private static RowResult row(Map<String, RowResult> results, String key) {
        RowResult r = results.get(key);
        if (r == null) {
            throw new IllegalStateException("no row " + key);
        }
        return r;
    }

    private static void verdict(boolean pass, String text) {
        System.out.println("- **" + (pass ? "PASS" : "FAIL") + "** " + text);
    }
}
