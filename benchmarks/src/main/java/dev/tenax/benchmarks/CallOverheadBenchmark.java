package dev.tenax.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.tenax.RetryPolicy;
import dev.tenax.Tenax;
import dev.tenax.ThrowingSupplier;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P1: what a retry library costs when the operation succeeds at once (plus one failed attempt with waits off).
 *
 * <p>Every supplier is a field, a lambda created once in {@link Setup}, so each benchmark measures the library's
 * own work and not the caller's lambda. The value comes from the state, so nothing is constant-folded; the
 * benchmark methods return it, so JMH's implicit blackhole consumes it.
 *
 * <p>{@code bare} is the baseline of the synchronous rows, {@code bareAsync} the one of {@code tenaxCallAsync}.
 * {@link BenchMain} prints the overhead over the baseline and Tenax's overhead relative to its peers'.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class CallOverheadBenchmark {

    /** The success path: the supplier returns at once. Shared by all threads; every field is read-only. */
    @State(Scope.Benchmark)
    @SuppressWarnings("NullAway.Init") // JMH calls @Setup before any benchmark method
    public static class Success {
        /** Not a constant: JMH cannot fold it. */
        String value;

        CompletableFuture<String> completed;

        ThrowingSupplier<String, IOException> tenaxSupplier;
        Supplier<CompletionStage<String>> tenaxAsyncSupplier;
        Supplier<CompletableFuture<String>> bareAsyncSupplier;
        dev.failsafe.function.CheckedSupplier<String> failsafeSupplier;
        CheckedSupplier<String> r4jSupplier;

        RetryPolicy tenax;
        RetryPolicy tenaxNoTimeout;
        FailsafeExecutor<String> failsafe;
        Retry retry;

        @Setup(Level.Trial)
        public void setUp() {
            value = "ok"; // a non-final field: read on every call, never folded
            completed = CompletableFuture.completedFuture(value);

            tenaxSupplier = () -> value;
            tenaxAsyncSupplier = () -> completed;
            bareAsyncSupplier = () -> completed;
            failsafeSupplier = () -> value;
            r4jSupplier = () -> value;

            tenax = RetryPolicy.on(IOException.class).build();
            tenaxNoTimeout = RetryPolicy.on(IOException.class).noTimeout().build();
            failsafe = Failsafe.with(dev.failsafe.RetryPolicy.<String>builder()
                    .handle(IOException.class)
                    .withMaxAttempts(10)
                    .build());
            retry = Retry.of(
                    "bench",
                    RetryConfig.custom()
                            .maxAttempts(10)
                            .retryExceptions(IOException.class)
                            .build());
        }
    }

    /**
     * One failed attempt, then a success, in testing mode (no waits, no deadline) with no listeners: the cost of
     * Tenax's decision path. Per thread, because the supplier alternates failure and success with a counter.
     */
    @State(Scope.Thread)
    @SuppressWarnings("NullAway.Init") // JMH calls @Setup before any benchmark method
    public static class FailOnce {
        String value;
        /** Created once: the cost of filling a stack trace belongs to the caller, not to the library. */
        IOException failure;

        long calls;
        ThrowingSupplier<String, IOException> supplier;
        RetryPolicy tenax;
        Tenax.Handle testing;

        @Setup(Level.Trial)
        public void setUp() {
            value = "ok"; // a non-final field: read on every call, never folded
            failure = new IOException("planned failure");
            supplier = () -> {
                if ((calls++ & 1) == 0) {
                    throw failure;
                }
                return value;
            };
            tenax = RetryPolicy.on(IOException.class).build();
            testing = Tenax.setTesting(true, 2, false);
            Tenax.setListeners(List.of());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Tenax.setListeners(null);
            testing.close();
        }
    }

    @Benchmark
    public String bare(Success s) throws IOException {
        return s.tenaxSupplier.get();
    }

    @Benchmark
    public String tenaxCall(Success s) throws IOException {
        return s.tenax.call(s.tenaxSupplier);
    }

    @Benchmark
    public String tenaxCallNoTimeout(Success s) throws IOException {
        return s.tenaxNoTimeout.call(s.tenaxSupplier);
    }

    /**
     * Not a library: one {@code System.nanoTime()}, what a deadline costs on this machine (compare
     * {@code tenaxCall} with {@code tenaxCallNoTimeout}).
     */
    @Benchmark
    public long clockNanoTime() {
        return System.nanoTime();
    }

    @Benchmark
    public String bareAsync(Success s) {
        return s.bareAsyncSupplier.get().join();
    }

    @Benchmark
    public String tenaxCallAsync(Success s) {
        return s.tenax.callAsync(s.tenaxAsyncSupplier).join();
    }

    @Benchmark
    public String tenaxFailOnceWaitsOff(FailOnce f) throws IOException {
        return f.tenax.call(f.supplier);
    }

    @Benchmark
    public String failsafe(Success s) {
        return s.failsafe.get(s.failsafeSupplier);
    }

    @Benchmark
    public String resilience4j(Success s) throws IOException {
        try {
            // decorating allocates a capturing lambda per call: that is the API (the supplier itself is a field)
            return Retry.decorateCheckedSupplier(s.retry, s.r4jSupplier).get();
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
