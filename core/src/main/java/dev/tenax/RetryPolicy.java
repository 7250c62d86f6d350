package dev.tenax;

import dev.tenax.internal.AsyncEngine;
import dev.tenax.internal.BlockingEngine;
import dev.tenax.internal.ExceptionJudge;
import dev.tenax.internal.Judge;
import dev.tenax.internal.RetrySpec;
import dev.tenax.internal.Sneaky;
import dev.tenax.internal.Switches;
import dev.tenax.internal.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Retries a call on the failures you name, with exponential backoff and jitter, within a number of attempts and
 * a total time.
 *
 * <p>Nothing is retried unless you say so: start from {@link #on(Class[])}, {@link #onIf(Predicate)} or
 * {@link #onDecide(Function)}. The defaults are stamina's: 10 attempts, 45 s in all, waits from 100 ms growing
 * twofold up to 5 s, each plus up to 1 s of random jitter. A wait that would end after the timeout is not taken:
 * the call gives up at once.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.on(IOException.class)
 *     .attempts(5)
 *     .timeout(Duration.ofSeconds(10))
 *     .name("fetch-user")
 *     .build();
 * User user = policy.call(() -> client.fetchUser(id)); // throws IOException when retries are exhausted
 * }</pre>
 *
 * <p>When retries are exhausted the last exception propagates unchanged, the earlier attempts' exceptions
 * attached with {@link Throwable#addSuppressed}. An exception the policy does not retry propagates at once.
 * Policies are immutable and thread-safe; one policy can serve any number of concurrent calls.
 */
public final class RetryPolicy {
    private final RetrySpec spec;
    private final Function<? super Throwable, RetryDecision> rule;
    private final Judge<@Nullable Object> judge;

    private RetryPolicy(RetrySpec spec, Function<? super Throwable, RetryDecision> rule) {
        this.spec = spec;
        this.rule = rule;
        this.judge = new ExceptionJudge(rule);
    }

    /**
     * Starts a policy that retries when an attempt throws an instance of one of {@code types} (subclasses
     * included). Mind the subclasses: {@code on(IOException.class)} also retries
     * {@link java.io.InterruptedIOException} (an interrupted caller) and {@link java.net.SocketTimeoutException};
     * use {@link #onIf} or {@link #onDecide} to exclude them.
     *
     * @param types the exception types to retry; at least one
     * @return a builder with the defaults
     * @throws IllegalArgumentException if no type is given
     */
    @SafeVarargs
    public static Builder on(Class<? extends Throwable>... types) {
        Objects.requireNonNull(types, "types");
        if (types.length == 0) {
            throw new IllegalArgumentException("on(...) needs at least one exception type");
        }
        List<Class<? extends Throwable>> list = new ArrayList<>(types.length);
        for (Class<? extends Throwable> type : types) {
            list.add(Objects.requireNonNull(type, "types must not contain null"));
        }
        return new Builder(new TypeRule(List.copyOf(list)));
    }

    /**
     * Starts a policy that retries when {@code predicate} accepts the attempt's exception.
     *
     * @param predicate says which exceptions to retry; must not throw
     * @return a builder with the defaults
     */
    public static Builder onIf(Predicate<? super Throwable> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new Builder(e -> predicate.test(e) ? RetryDecision.retry() : RetryDecision.stop());
    }

    /**
     * Starts a policy whose backoff hook decides for each exception: {@link RetryDecision#retry()} (computed
     * backoff), {@link RetryDecision#retryAfter(Duration)} (a wait it chose, for instance one a server asked for)
     * or {@link RetryDecision#stop()}.
     *
     * @param hook the decision for each exception
     * @return a builder with the defaults
     */
    public static Builder onDecide(Function<? super Throwable, RetryDecision> hook) {
        return new Builder(Objects.requireNonNull(hook, "hook"));
    }

    /**
     * Calls {@code operation}, retrying it as this policy says, and returns its first accepted result.
     *
     * @param operation the attempt to make; called once per attempt on the calling thread
     * @param <T> the result type
     * @param <E> the checked exception {@code operation} may throw
     * @return the result of the first successful attempt
     * @throws E the last attempt's exception when the policy gives up
     */
    public <T extends @Nullable Object, E extends Exception> T call(ThrowingSupplier<T, E> operation) throws E {
        Objects.requireNonNull(operation, "operation");
        Switches switches = Switches.current();
        if (!switches.active) {
            return operation.get();
        }
        long start = BlockingEngine.startTime(spec, switches);
        if (!switches.testing) {
            spec.budget.onRequest(spec.name);
        }
        try {
            return operation.get();
        } catch (Throwable failure) {
            return retryAfterFailure(operation, switches, start, failure);
        }
    }

    /**
     * Runs {@code operation}, retrying it as this policy says.
     *
     * @param operation the attempt to make; called once per attempt on the calling thread
     * @param <E> the checked exception {@code operation} may throw
     * @throws E the last attempt's exception when the policy gives up
     */
    public <E extends Exception> void run(ThrowingRunnable<E> operation) throws E {
        Objects.requireNonNull(operation, "operation");
        call(() -> {
            operation.run();
            return null;
        });
    }

    /**
     * Starts {@code operation} and retries it as this policy says, without blocking any thread while waiting.
     *
     * <p>Waits are timed on a shared daemon scheduler (or the one given to {@link Builder#scheduler}); retries
     * start on that scheduler's thread, so {@code operation} should only start asynchronous work. Cancelling the
     * returned future cancels the pending wait and the attempt in flight, and no further attempt starts.
     *
     * @param operation starts one attempt and returns its stage
     * @param <T> the result type
     * @return a future of the first successful result, or of the last failure when the policy gives up; when the
     *     first attempt's future has already succeeded, that future itself (nothing is allocated)
     */
    public <T extends @Nullable Object> CompletableFuture<T> callAsync(
            Supplier<? extends CompletionStage<T>> operation) {
        Objects.requireNonNull(operation, "operation");
        Switches switches = Switches.current();
        if (!switches.active) {
            return AsyncEngine.execute(spec, typedJudge(), context -> operation.get(), spec.name);
        }
        long start = BlockingEngine.startTime(spec, switches);
        if (!switches.testing) {
            spec.budget.onRequest(spec.name);
        }
        CompletionStage<T> first;
        try {
            first = operation.get();
        } catch (RuntimeException | Error e) {
            first = CompletableFuture.failedFuture(e);
        }
        if (first instanceof CompletableFuture<T> done && done.isDone() && !done.isCompletedExceptionally()) {
            // succeeded at once: nothing to retry, nothing to build
            return done;
        }
        if (first == null) {
            first = CompletableFuture.failedFuture(new NullPointerException("operation returned a null stage"));
        }
        return AsyncEngine.resume(spec, typedJudge(), context -> operation.get(), spec.name, switches, start, first);
    }

    /**
     * Calls {@code operation} for every distinct key at once, each call retried as this policy says, and
     * completes when all have succeeded or given up, with the successes and the last failure of each key. One
     * key's failure does not stop the others. Cancelling the returned future cancels every call still running.
     *
     * <p>All keys start together; to bound concurrency, see the concurrency-limit recipe in the docs (a shared
     * {@link java.util.concurrent.Semaphore} taken per attempt, never held during a wait).
     *
     * <pre>{@code
     * BatchResult<String, User> users = policy.callAllAsync(ids, id -> client.fetchUserAsync(id)).join();
     * }</pre>
     *
     * @param keys the keys; duplicates are called once
     * @param operation starts one attempt for a key
     * @param <K> the key type
     * @param <V> the value type
     * @return a future of the batch result; it completes exceptionally only if cancelled
     */
    public <K, V> CompletableFuture<BatchResult<K, V>> callAllAsync(
            Collection<? extends K> keys, Function<? super K, ? extends CompletionStage<V>> operation) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(operation, "operation");
        Map<K, CompletableFuture<V>> calls = new LinkedHashMap<>();
        for (K key : keys) {
            calls.computeIfAbsent(key, k -> callAsync(() -> operation.apply(k)));
        }
        CompletableFuture<BatchResult<K, V>> batch = CompletableFuture.allOf(calls.values().stream()
                        .map(f -> f.handle((v, t) -> null))
                        .toArray(CompletableFuture<?>[]::new))
                .thenApply(done -> collect(calls));
        // the dependent future is not needed: the callback only forwards a cancellation
        CompletableFuture<BatchResult<K, V>> unused = batch.whenComplete((result, failure) -> {
            if (batch.isCancelled()) {
                calls.values().forEach(f -> f.cancel(true));
            }
        });
        return batch;
    }

    private static <K, V> BatchResult<K, V> collect(Map<K, CompletableFuture<V>> calls) {
        Map<K, V> successes = new LinkedHashMap<>();
        Map<K, Throwable> failures = new LinkedHashMap<>();
        calls.forEach((key, call) -> {
            try {
                successes.put(key, call.join());
            } catch (CompletionException | CancellationException e) {
                failures.put(key, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            }
        });
        return new BatchResult<>(successes, failures);
    }

    /**
     * A builder holding this policy's settings, to derive a variant.
     *
     * @return a new builder; changing it does not change this policy
     */
    public Builder toBuilder() {
        return new Builder(rule, spec.toBuilder());
    }

    /** The policy's name, used in logs, metrics and events. */
    public String name() {
        return spec.name;
    }

    /** The attempt limit, or empty when attempts are unlimited. */
    public Optional<Integer> attempts() {
        return spec.maxAttempts == 0 ? Optional.empty() : Optional.of(spec.maxAttempts);
    }

    /** The total time limit, or empty when there is none. */
    public Optional<Duration> timeout() {
        return spec.hasTimeout() ? Optional.of(Duration.ofNanos(spec.timeoutNanos)) : Optional.empty();
    }

    /** The wait after the first failure, before jitter. */
    public Duration waitInitial() {
        return Duration.ofNanos(spec.waitInitialNanos);
    }

    /** The longest computed wait. */
    public Duration waitMax() {
        return Duration.ofNanos(spec.waitMaxNanos);
    }

    /** The upper bound of the random jitter added to each computed wait. */
    public Duration waitJitter() {
        return Duration.ofNanos(spec.waitJitterNanos);
    }

    /** The factor by which the computed wait grows after each failure. */
    public double waitExpBase() {
        return spec.waitExpBase;
    }

    /** The retry budget. */
    public RetryBudget budget() {
        return spec.budget;
    }

    @Override
    public String toString() {
        return "RetryPolicy[" + spec + "]";
    }

    private <T extends @Nullable Object, E extends Exception> T retryAfterFailure(
            ThrowingSupplier<T, E> operation, Switches switches, long start, Throwable failure) throws E {
        try {
            return BlockingEngine.resume(
                    spec, typedJudge(), context -> operation.get(), spec.name, switches, start, failure);
        } catch (Throwable t) {
            // only what operation threw (E or unchecked) comes back, so the signature still holds
            throw Sneaky.<E>rethrow(t);
        }
    }

    @SuppressWarnings("unchecked") // the judge accepts every result, whatever its type
    private <T extends @Nullable Object> Judge<T> typedJudge() {
        return (Judge<T>) (Judge<?>) judge;
    }

    /** Retries instances of the given types. */
    private record TypeRule(List<Class<? extends Throwable>> types) implements Function<Throwable, RetryDecision> {
        @Override
        public RetryDecision apply(Throwable failure) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(failure)) {
                    return RetryDecision.retry();
                }
            }
            return RetryDecision.stop();
        }
    }

    /**
     * Collects a policy's settings. Every setter records its value; {@link #build()} validates them all and
     * names the field, its value and the allowed range when one is wrong. Builders are not thread-safe;
     * {@code build()} copies, so a builder may be reused.
     */
    public static final class Builder {
        private final Function<? super Throwable, RetryDecision> rule;
        private final RetrySpec.Builder spec;

        Builder(Function<? super Throwable, RetryDecision> rule) {
            this(rule, new RetrySpec.Builder());
        }

        Builder(Function<? super Throwable, RetryDecision> rule, RetrySpec.Builder spec) {
            this.rule = rule;
            this.spec = spec;
        }

        /**
         * The maximum number of attempts, the first included (default 10).
         *
         * @param attempts {@code 1} to {@link Integer#MAX_VALUE}
         * @return this builder
         */
        public Builder attempts(int attempts) {
            spec.attempts(attempts);
            return this;
        }

        /**
         * No limit on attempts: only the timeout ends the retries.
         *
         * @return this builder
         */
        public Builder unlimitedAttempts() {
            spec.unlimitedAttempts();
            return this;
        }

        /**
         * The total time for all attempts and waits, from the first attempt's start (default 45 s).
         *
         * @param timeout {@code > 0}
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            spec.timeout(timeout);
            return this;
        }

        /**
         * No limit on total time: only the attempt limit ends the retries.
         *
         * @return this builder
         */
        public Builder noTimeout() {
            spec.noTimeout();
            return this;
        }

        /**
         * Allows a policy with neither an attempt limit nor a timeout, which can retry forever. Off by default.
         *
         * @param allow whether an unbounded policy is intended
         * @return this builder
         */
        public Builder allowUnbounded(boolean allow) {
            spec.allowUnbounded(allow);
            return this;
        }

        /**
         * The wait after the first failure, before jitter (default 100 ms).
         *
         * @param waitInitial {@code >= 0}
         * @return this builder
         */
        public Builder waitInitial(Duration waitInitial) {
            spec.waitInitial(waitInitial);
            return this;
        }

        /**
         * The longest computed wait, jitter included (default 5 s). A hook's chosen wait is not limited by it.
         *
         * @param waitMax {@code >= waitInitial}
         * @return this builder
         */
        public Builder waitMax(Duration waitMax) {
            spec.waitMax(waitMax);
            return this;
        }

        /**
         * The upper bound of the uniform random jitter added to each computed wait (default 1 s).
         *
         * @param waitJitter {@code >= 0}
         * @return this builder
         */
        public Builder waitJitter(Duration waitJitter) {
            spec.waitJitter(waitJitter);
            return this;
        }

        /**
         * The factor by which the computed wait grows after each failure (default 2).
         *
         * @param waitExpBase a finite number {@code >= 1}
         * @return this builder
         */
        public Builder waitExpBase(double waitExpBase) {
            spec.waitExpBase(waitExpBase);
            return this;
        }

        /**
         * The name that logs, metrics and events use for this policy (default {@code "default"}).
         *
         * @param name not blank
         * @return this builder
         */
        public Builder name(String name) {
            spec.name(name);
            return this;
        }

        /**
         * Adds a listener of this policy's retries and give-ups, in addition to the global ones of
         * {@link Tenax#setListeners}.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(RetryListener listener) {
            spec.listener(listener);
            return this;
        }

        /**
         * The retry budget the policy draws on (default {@link RetryBudget#unlimited()}); its key is the name.
         *
         * @param budget the budget
         * @return this builder
         */
        public Builder budget(RetryBudget budget) {
            spec.budget(budget);
            return this;
        }

        /**
         * The scheduler that times {@link #callAsync} waits and starts retries (default: one shared daemon
         * thread).
         *
         * @param scheduler the scheduler; Tenax never shuts it down
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            spec.scheduler(scheduler);
            return this;
        }

        /** For tests: a virtual clock, a recording sleeper and a seeded random. */
        Builder timing(Timing timing) {
            spec.timing(timing);
            return this;
        }

        /**
         * Validates the settings and builds the immutable policy.
         *
         * @return the policy
         * @throws IllegalArgumentException when a setting is out of range; the message names it
         * @throws IllegalStateException when the policy would be unbounded without {@link #allowUnbounded}
         */
        public RetryPolicy build() {
            return new RetryPolicy(spec.build(), rule);
        }
    }
}
