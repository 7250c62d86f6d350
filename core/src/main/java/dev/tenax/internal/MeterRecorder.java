package dev.tenax.internal;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryDetails;
import dev.tenax.SuccessDetails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Records Tenax's meters into one registry. Loaded only when Micrometer is on the class path.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>meter</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code tenax.retries}</td><td>counter</td><td>{@code name}, {@code retry_number}, {@code error_type}</td></tr>
 *   <tr><td>{@code tenax.wait}</td><td>timer</td><td>{@code name}</td></tr>
 *   <tr><td>{@code tenax.giveups}</td><td>counter</td><td>{@code name}, {@code reason}</td></tr>
 *   <tr><td>{@code tenax.budget.refused}</td><td>counter</td><td>{@code name}</td></tr>
 *   <tr><td>{@code tenax.attempts}</td><td>summary</td><td>{@code name}, {@code outcome}</td></tr>
 * </table>
 *
 * <p>Every tag value is bounded (Micrometer's naming guide: each distinct value is a time series of its own):
 * {@code retry_number} is bucketed, {@code reason} is an enum, {@code outcome} is {@code success} or
 * {@code giveup}, and the budget is counted per policy, never per host. The meters that depend on the name only are
 * looked up once per policy name and kept, so that recording a success, which can happen on every call, costs a
 * map lookup and no allocation.
 */
final class MeterRecorder {
    /**
     * The attempts histogram's buckets: every count up to 6, then coarser. Attempts are whole numbers, so these
     * make {@code histogram_quantile} exact where it matters (few attempts) with 13 buckets per series, whatever
     * the policy's limit.
     */
    private static final double[] ATTEMPT_BUCKETS = {1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100};

    private final MeterRegistry registry;
    private final boolean attempts;
    private final ConcurrentHashMap<String, PolicyMeters> byName = new ConcurrentHashMap<>();

    /**
     * @param attempts whether to record {@code tenax.attempts}, which needs every success; the zero-configuration
     *     listener does not, so that a first-try success costs nothing by default
     */
    MeterRecorder(MeterRegistry registry, boolean attempts) {
        this.registry = registry;
        this.attempts = attempts;
    }

    void retryScheduled(RetryDetails details) {
        Counter.builder("tenax.retries")
                .description("Retries scheduled by Tenax")
                .tag("name", details.name())
                .tag("retry_number", retryNumberTag(details.retryNumber()))
                .tag("error_type", details.errorType())
                .register(registry)
                .increment();
        meters(details.name()).waits.record(details.waitFor());
    }

    void gaveUp(GiveUpDetails details) {
        Counter.builder("tenax.giveups")
                .description("Calls that stopped retrying after a failure, by reason")
                .tag("name", details.name())
                .tag("reason", details.reason().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
        PolicyMeters meters = meters(details.name());
        if (details.reason() == GiveUpReason.BUDGET) {
            meters.budgetRefused.increment();
        }
        if (attempts) {
            meters.attempts(false).record(details.attempts());
        }
    }

    void succeeded(SuccessDetails details) {
        if (attempts) {
            meters(details.name()).attempts(true).record(details.attempts());
        }
    }

    private PolicyMeters meters(String name) {
        PolicyMeters meters = byName.get(name); // get first: computeIfAbsent may lock even when present
        return meters != null ? meters : byName.computeIfAbsent(name, this::register);
    }

    private PolicyMeters register(String name) {
        Timer waits = Timer.builder("tenax.wait")
                .description("Waits Tenax scheduled before a retry")
                .tag("name", name)
                .register(registry);
        Counter budgetRefused = Counter.builder("tenax.budget.refused")
                .description("Calls that gave up because the retry budget refused a retry")
                .tag("name", name)
                .register(registry);
        return attempts
                ? new PolicyMeters(waits, budgetRefused, attempts(name, "success"), attempts(name, "giveup"))
                : new PolicyMeters(waits, budgetRefused, null, null);
    }

    private DistributionSummary attempts(String name, String outcome) {
        return DistributionSummary.builder("tenax.attempts")
                .description("Attempts per call, the first included")
                .tag("name", name)
                .tag("outcome", outcome)
                .serviceLevelObjectives(ATTEMPT_BUCKETS)
                .register(registry);
    }

    /** The bucket of a retry number: {@code "1"}, {@code "2"}, {@code "3"} or {@code "4+"}. */
    static String retryNumberTag(int retryNumber) {
        return switch (retryNumber) {
            case 1 -> "1";
            case 2 -> "2";
            case 3 -> "3";
            default -> "4+";
        };
    }

    /** One policy's meters that carry only its name (and the outcome). */
    private record PolicyMeters(
            Timer waits,
            Counter budgetRefused,
            @Nullable DistributionSummary successAttempts,
            @Nullable DistributionSummary giveUpAttempts) {
        DistributionSummary attempts(boolean success) {
            DistributionSummary summary = success ? successAttempts : giveUpAttempts;
            if (summary == null) {
                throw new IllegalStateException("tenax.attempts is not recorded by this listener");
            }
            return summary;
        }
    }
}
