package dev.tenax.benchmarks.sim;

import dev.tenax.RetryBudget;
import dev.tenax.internal.TokenBucketBudget;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The budgets the simulation compares, named by short specs so that alternatives can be tried from the command
 * line; each call to {@link #create} builds a fresh instance (a row never inherits another row's state).
 *
 * <ul>
 *   <li>{@code none}: {@code RetryBudget.unlimited()};
 *   <li>{@code ratio[:percent:minPerSecond:windowSeconds]}: {@code RetryBudget.ratio(0.2, 10, 10 s)}, the old HTTP
 *       default, on the simulated clock (it reads {@code Timing.system()});
 *   <li>{@code default} or {@code tb:capacity:refill}: {@code RetryBudget.tokenBucket(5, 0.2)}, the HTTP default;
 *   <li>{@code grpc[:maxTokens:tokenRatio]}: {@link GrpcA6Budget} (10, 0.1);
 *   <li>{@code aws}: {@link AwsStandardBudget#sdkDefaults()}.
 * </ul>
 *
 * <p>Probes ("would a failure now be retried?"): the token bucket's tokens against the cost of a failure; the
 * gRPC and AWS budgets' own; for {@code ratio}, a real request for a retry, whose refusal changes nothing (and a
 * grant ends the measurement, so at most one retry is taken).
 */
public final class SimBudgets {
    /** The budgets of the table, in order. */
    public static final List<String> TABLE = List.of("none", "ratio", "default", "grpc", "aws");

    private SimBudgets() {}

    public static ObservedBudget create(String spec) {
        String[] p = spec.toLowerCase(Locale.ROOT).split(":", -1);
        return switch (p[0]) {
            case "none" -> new ObservedBudget("none", RetryBudget.unlimited(), key -> true);
            case "ratio" -> {
                double percent = p.length > 1 ? Double.parseDouble(p[1]) : 0.2;
                int min = p.length > 2 ? Integer.parseInt(p[2]) : 10;
                int window = p.length > 3 ? Integer.parseInt(p[3]) : 10;
                RetryBudget ratio = RetryBudget.ratio(percent, min, Duration.ofSeconds(window));
                yield new ObservedBudget(
                        "ratio(" + percent + ", " + min + "/s, " + window + " s)"
                                + (p.length == 1 ? " (old default)" : ""),
                        ratio,
                        key -> ratio.tryAcquireRetry(key, Duration.ZERO, RetryBudget.Cause.FAILURE));
            }
            case "default", "tb" -> {
                int capacity = p.length > 1 ? Integer.parseInt(p[1]) : 5;
                double refill = p.length > 2 ? Double.parseDouble(p[2]) : 0.2;
                TokenBucketBudget bucket = (TokenBucketBudget) RetryBudget.tokenBucket(capacity, refill);
                yield new ObservedBudget(
                        "tokenBucket(" + capacity + ", " + refill + ")" + (p[0].equals("default") ? " (default)" : ""),
                        bucket,
                        key -> bucket.tokens(key) >= 1);
            }
            case "grpc" -> {
                int max = p.length > 1 ? Integer.parseInt(p[1]) : 10;
                double ratio = p.length > 2 ? Double.parseDouble(p[2]) : 0.1;
                GrpcA6Budget grpc = new GrpcA6Budget(max, ratio);
                yield new ObservedBudget("gRPC A6 (" + max + ", " + ratio + ")", grpc, grpc::wouldRetry);
            }
            case "aws" -> {
                AwsStandardBudget aws = AwsStandardBudget.sdkDefaults();
                yield new ObservedBudget("AWS SDK v2 standard (500, 5/10, +1)", aws, aws::wouldRetry);
            }
            default ->
                throw new IllegalArgumentException("unknown budget '" + spec
                        + "' (none, ratio[:p:min:window], default, tb:capacity:refill, grpc[:max:ratio], aws)");
        };
    }
}
