package dev.tenax;

import dev.tenax.internal.AsyncEngine;
import dev.tenax.internal.Attempt;
import dev.tenax.internal.BlockingEngine;
import dev.tenax.internal.CallContext;
import dev.tenax.internal.ExceptionJudge;
import dev.tenax.internal.Judge;
import dev.tenax.internal.Nesting;
import dev.tenax.internal.Permits;
import dev.tenax.internal.ResultJudge;
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
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
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
 * attached with {@link Throwable#addSuppressed} (the first and the 31 most recent; a marker says how many in
 * between were left out). An exception the policy does not retry propagates at once.
 *
 * <p>Some failures are never retried, whatever the rule says: {@link VirtualMachineError}s (out of memory, stack
 * overflow) and {@link LinkageError}s, because retrying cannot help; and a raw {@link InterruptedException},
 * because it is the caller's request to stop (the thread's interrupt flag is restored). A rule that throws does
 * not hide the failure it was asked about: the call stops with that failure, the rule's throwable attached as
 * suppressed (a {@code VirtualMachineError} propagates as itself).
 *
 * <p>Policies are immutable and thread-safe; one policy can serve any number of concurrent calls.
 */
public final class RetryPolicy {
    private final RetrySpec spec;
    private final BiFunction<? super Throwable, ? super RetryContext, RetryDecision> rule;
    private final Judge<@Nullable Object> judge;

    private RetryPolicy(RetrySpec spec, BiFunction<? super Throwable, ? super RetryContext, RetryDecision> rule) {
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
        return new Builder(typeRule(types));
    }

    /**
     * Starts a policy that retries when {@code predicate} accepts the attempt's exception.
     *
     * @param predicate says which exceptions to retry; must not throw
     * @return a builder with the defaults
     */
    public static Builder onIf(Predicate<? super Throwable> predicate) {
        return new Builder(predicateRule(predicate));
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
        return new Builder(hookRule(hook));
    }

    /**
     * Starts a policy whose backoff hook decides for each exception, knowing which attempt failed and how long
     * the call has taken (see {@link RetryContext}): enough to reproduce any schedule without a counter of one's
     * own.
     *
     * <pre>{@code
     * // the seed decorator's schedule: 1 s * 2^(n-1), times a random factor between 0.5 and 1.5
     * RetryPolicy policy = RetryPolicy.onDecide((failure, call) -> failure instanceof IOException
     *         ? RetryDecision.retryAfter(Duration.ofMillis(
     *                 (long) (1000L * (1L << (call.attemptNumber() - 1)) * (0.5 + Math.random()))))
     *         : RetryDecision.stop())
     *     .attempts(4)
     *     .build();
     * }</pre>
     *
     * @param hook the decision for each exception, given the call's context
     * @return a builder with the defaults
     */
    public static Builder onDecide(BiFunction<? super Throwable, ? super RetryContext, RetryDecision> hook) {
        return new Builder(Objects.requireNonNull(hook, "hook"));
    }

    @SafeVarargs
    private static BiFunction<Throwable, RetryContext, RetryDecision> typeRule(Class<? extends Throwable>... types) {
        Objects.requireNonNull(types, "types");
        if (types.length == 0) {
            throw new IllegalArgumentException("on(...) needs at least one exception type");
        }
        List<Class<? extends Throwable>> list = new ArrayList<>(types.length);
        for (Class<? extends Throwable> type : types) {
            list.add(Objects.requireNonNull(type, "types must not contain null"));
        }
        return new TypeRule(List.copyOf(list));
    }

    private static BiFunction<Throwable, RetryContext, RetryDecision> predicateRule(
            Predicate<? super Throwable> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return (e, call) -> predicate.test(e) ? RetryDecision.retry() : RetryDecision.stop();
    }

    private static BiFunction<Throwable, RetryContext, RetryDecision> hookRule(
            Function<? super Throwable, RetryDecision> hook) {
        Objects.requireNonNull(hook, "hook");
        return (e, call) -> hook.apply(e);
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
        Switches switches = Nesting.switchesFor(spec);
        if (!switches.active) {
            return operation.get();
        }
        long start = BlockingEngine.startTime(spec, switches);
        BlockingEngine.onRequest(spec, switches, spec.name);
        T result;
        try {
            result = firstAttempt(operation, switches);
        } catch (Throwable failure) {
            return resume(operation, typedJudge(), switches, start, null, failure);
        }
        BlockingEngine.onSuccess(spec, switches, spec.name);
        BlockingEngine.succeededAtOnce(spec, start);
        return result;
    }

    /**
     * Calls {@code operation}, retrying it as this policy says when it throws, and also while
     * {@code retryIf} accepts its result (tenacity's {@code retry_if_result}). When the retries run out on a
     * result, that last result is returned unchanged.
     *
     * <pre>{@code
     * Job job = policy.call(() -> client.job(id), j -> j.state() == State.PENDING); // polls while pending
     * }</pre>
     *
     * @param operation the attempt to make; called once per attempt on the calling thread
     * @param retryIf which results to retry; a predicate that throws accepts the result (the fault is logged)
     * @param <T> the result type
     * @param <E> the checked exception {@code operation} may throw
     * @return the first result {@code retryIf} does not accept, or the last one when the policy gives up
     * @throws E the last attempt's exception when the policy gives up on an exception
     */
    public <T extends @Nullable Object, E extends Exception> T call(
            ThrowingSupplier<T, E> operation, Predicate<? super T> retryIf) throws E {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(retryIf, "retryIf");
        Switches switches = Nesting.switchesFor(spec);
        if (!switches.active) {
            return operation.get();
        }
        long start = BlockingEngine.startTime(spec, switches);
        BlockingEngine.onRequest(spec, switches, spec.name);
        Judge<T> results = new ResultJudge<>(judge, retryIf);
        T first;
        try {
            first = firstAttempt(operation, switches);
        } catch (Throwable failure) {
            return resume(operation, results, switches, start, null, failure);
        }
        return resume(operation, results, switches, start, first, null);
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
     * Calls a {@link Callable}, retrying it as {@link #call(ThrowingSupplier)} does. This is the shape Kotlin can
     * infer: {@code call}'s exception type appears only in its {@code throws} clause, which Kotlin does not read,
     * so Kotlin cannot infer it, while {@code invoke} is Kotlin's call operator and has no type to infer but the
     * result's. Java code keeps {@code call}, which throws what the operation throws; {@code invoke} declares
     * {@link Exception}.
     *
     * <pre>{@code
     * val user = policy { client.fetchUser(id) }  // Kotlin: a User, or the last failure when it gives up
     * String body = policy.invoke(callable);     // Java: a Callable you already hold
     * }</pre>
     *
     * @param operation the attempt to make; called once per attempt on the calling thread
     * @param <T> the result type
     * @return the result of the first successful attempt
     * @throws Exception the last attempt's exception when the policy gives up
     */
    public <T extends @Nullable Object> T invoke(Callable<? extends T> operation) throws Exception {
        Objects.requireNonNull(operation, "operation");
        return call(operation::call);
    }

    /**
     * Starts {@code operation} and retries it as this policy says, without blocking any thread while waiting.
     *
     * <p>The first attempt starts on the calling thread. Waits are timed on a shared daemon scheduler (or the one
     * given to {@link Builder#scheduler}), which runs no user code: each retry starts on the policy's executor
     * ({@link Builder#executor}; by default a new virtual thread per retry on Java 21+, and a pool of daemon
     * threads before that), so an operation that blocks before returning its stage delays no other call. Cancelling
     * (or completing) the returned future cancels the pending wait and the attempt in flight, and no further
     * attempt starts. The future always completes, exactly once: if the scheduler or executor rejects a retry or
     * is shut down with it pending, with the last failure and a
     * {@link java.util.concurrent.RejectedExecutionException} attached.
     *
     * @param operation starts one attempt and returns its stage
     * @param <T> the result type
     * @return a future of the first successful result, or of the last failure when the policy gives up; when the
     *     first attempt's future has already succeeded, that future itself (nothing is allocated)
     */
    public <T extends @Nullable Object> CompletableFuture<T> callAsync(
            Supplier<? extends CompletionStage<T>> operation) {
        Objects.requireNonNull(operation, "operation");
        Switches switches = Nesting.switchesFor(spec);
        if (!switches.active) {
            return AsyncEngine.execute(spec, typedJudge(), context -> operation.get(), spec.name, switches, null);
        }
        long start = BlockingEngine.startTime(spec, switches);
        BlockingEngine.onRequest(spec, switches, spec.name);
        CompletionStage<T> first = startFirst(operation, switches);
        // succeeded at once: nothing to retry, nothing to build (only a plain CompletableFuture is asked: a
        // subclass, such as the minimal stage of completedStage(), may refuse isDone)
        if (first.getClass() == CompletableFuture.class) {
            CompletableFuture<T> done = (CompletableFuture<T>) first;
            if (done.isDone() && !done.isCompletedExceptionally()) {
                BlockingEngine.onSuccess(spec, switches, spec.name);
                BlockingEngine.succeededAtOnce(spec, start);
                return done;
            }
        }
        return AsyncEngine.resume(spec, typedJudge(), context -> operation.get(), spec.name, switches, start, first);
    }

    /**
     * Starts {@code operation} and retries it as {@link #callAsync(Supplier)} does, and also while
     * {@code retryIf} accepts its result. When the retries run out on a result, that last result completes the
     * future unchanged.
     *
     * @param operation starts one attempt and returns its stage
     * @param retryIf which results to retry; a predicate that throws accepts the result (the fault is logged)
     * @param <T> the result type
     * @return a future of the first result {@code retryIf} does not accept, the last result when the policy gives
     *     up on a result, or the last failure
     */
    public <T extends @Nullable Object> CompletableFuture<T> callAsync(
            Supplier<? extends CompletionStage<T>> operation, Predicate<? super T> retryIf) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(retryIf, "retryIf");
        Switches switches = Nesting.switchesFor(spec);
        Judge<T> results = new ResultJudge<>(judge, retryIf);
        if (!switches.active) {
            return AsyncEngine.execute(spec, results, context -> operation.get(), spec.name, switches, null);
        }
        long start = BlockingEngine.startTime(spec, switches);
        BlockingEngine.onRequest(spec, switches, spec.name);
        return AsyncEngine.resume(
                spec, results, context -> operation.get(), spec.name, switches, start, startFirst(operation, switches));
    }

    private <T extends @Nullable Object> CompletionStage<T> startFirst(
            Supplier<? extends CompletionStage<T>> operation, Switches switches) {
        RetrySpec outer = Nesting.enter(spec);
        try {
            Permits permits = spec.permits;
            CompletionStage<T> first = permits == null
                    ? operation.get()
                    // a first attempt queued for a permit starts on another thread: inside the caller's context
                    : permits.startAsync(
                            spec,
                            spec.executor(null),
                            spec.firstPermitWaitNanos(switches),
                            CallContext.capture(spec).around(() -> operation.get()));
            return first != null
                    ? first
                    : CompletableFuture.failedFuture(new NullPointerException("operation returned a null stage"));
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        } finally {
            Nesting.exit(outer);
        }
    }

    /**
     * A call's first blocking attempt, before any engine state exists: marked as this policy's attempt (so that
     * calls inside it do not retry on their own) and holding a permit of the concurrency limit, if any.
     */
    private <T extends @Nullable Object, E extends Exception> T firstAttempt(
            ThrowingSupplier<T, E> operation, Switches switches) throws Throwable {
        RetrySpec outer = Nesting.enter(spec);
        try {
            Permits permits = spec.permits;
            if (permits == null) {
                return operation.get();
            }
            Attempt<T> first = context -> operation.get();
            return permits.runBlocking(spec.firstPermitWaitNanos(switches), first);
        } finally {
            Nesting.exit(outer);
        }
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
            calls.computeIfAbsent(key, k -> {
                try {
                    return callAsync(() -> operation.apply(k));
                } catch (RuntimeException | Error e) {
                    // one key that cannot even start must not orphan the calls already started
                    return CompletableFuture.failedFuture(e);
                }
            });
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
    public OptionalInt attempts() {
        return spec.maxAttempts == 0 ? OptionalInt.empty() : OptionalInt.of(spec.maxAttempts);
    }

    /** The total time limit as it was set, or empty when there is none. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(spec.timeout);
    }

    /** The limit per attempt as it was set, or empty when there is none of its own. */
    public Optional<Duration> attemptTimeout() {
        return Optional.ofNullable(spec.attemptTimeout);
    }

    /** The wait after the first failure, before jitter. */
    public Duration waitInitial() {
        return spec.waitInitial;
    }

    /** The longest computed wait. */
    public Duration waitMax() {
        return spec.waitMax;
    }

    /** The upper bound of the random jitter added to each computed wait. */
    public Duration waitJitter() {
        return spec.waitJitter;
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

    private <T extends @Nullable Object, E extends Exception> T resume(
            ThrowingSupplier<T, E> operation,
            Judge<T> callJudge,
            Switches switches,
            long start,
            @Nullable T firstResult,
            @Nullable Throwable firstFailure)
            throws E {
        try {
            return BlockingEngine.resume(
                    spec, callJudge, context -> operation.get(), spec.name, switches, start, firstResult, firstFailure);
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
    private record TypeRule(List<Class<? extends Throwable>> types)
            implements BiFunction<Throwable, RetryContext, RetryDecision> {
        @Override
        public RetryDecision apply(Throwable failure, RetryContext call) {
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
        private BiFunction<? super Throwable, ? super RetryContext, RetryDecision> rule;
        private final RetrySpec.Builder spec;

        Builder(BiFunction<? super Throwable, ? super RetryContext, RetryDecision> rule) {
            this(rule, new RetrySpec.Builder());
        }

        Builder(BiFunction<? super Throwable, ? super RetryContext, RetryDecision> rule, RetrySpec.Builder spec) {
            this.rule = rule;
            this.spec = spec;
        }

        /**
         * Replaces the rule: retry instances of {@code types}, as {@link RetryPolicy#on}. With
         * {@link RetryPolicy#toBuilder()}, one set of settings serves several rules (stamina's
         * {@code RetryingCaller}):
         *
         * <pre>{@code
         * RetryPolicy io = settings.toBuilder().on(IOException.class).build();
         * RetryPolicy timeouts = settings.toBuilder().on(TimeoutException.class).build();
         * }</pre>
         *
         * @param types the exception types to retry; at least one
         * @return this builder
         */
        @SafeVarargs
        public final Builder on(Class<? extends Throwable>... types) {
            rule = typeRule(types);
            return this;
        }

        /**
         * Replaces the rule: retry the exceptions {@code predicate} accepts, as {@link RetryPolicy#onIf}.
         *
         * @param predicate says which exceptions to retry
         * @return this builder
         */
        public Builder onIf(Predicate<? super Throwable> predicate) {
            rule = predicateRule(predicate);
            return this;
        }

        /**
         * Replaces the rule with a backoff hook, as {@link RetryPolicy#onDecide(Function)}.
         *
         * @param hook the decision for each exception
         * @return this builder
         */
        public Builder onDecide(Function<? super Throwable, RetryDecision> hook) {
            rule = hookRule(hook);
            return this;
        }

        /**
         * Replaces the rule with a backoff hook that sees the call's context, as
         * {@link RetryPolicy#onDecide(BiFunction)}.
         *
         * @param hook the decision for each exception, given the call's context
         * @return this builder
         */
        public Builder onDecide(BiFunction<? super Throwable, ? super RetryContext, RetryDecision> hook) {
            rule = Objects.requireNonNull(hook, "hook");
            return this;
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
         * The most one attempt may take (default: no limit of its own; an HTTP attempt still gets at most the time
         * left before the timeout). With {@link RetryPolicy#callAsync} an attempt still running then is cancelled and fails with a
         * {@link java.util.concurrent.TimeoutException}, which is retried only if the rules name it; a blocking
         * {@link RetryPolicy#call} cannot stop its operation, which must bound itself.
         *
         * <pre>{@code
         * .timeout(Duration.ofSeconds(10)).attemptTimeout(Duration.ofSeconds(2))   // each attempt 2 s at most
         * }</pre>
         *
         * @param attemptTimeout {@code > 0}
         * @return this builder
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            spec.attemptTimeout(attemptTimeout);
            return this;
        }

        /**
         * No limit per attempt of its own (the default).
         *
         * @return this builder
         */
        public Builder noAttemptTimeout() {
            spec.noAttemptTimeout();
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
         * Lets retries nest (off by default). A call that starts inside an attempt of another Tenax call, on the
         * thread running that attempt, normally makes one attempt and leaves the retrying to the outer call, which
         * judges its outcome: a policy of 3 attempts around a client with 3 attempts installed then sends at most 3
         * requests, not 9, and one warning per pair of policy names says so. With this set on either policy, both
         * retry (the attempts multiply).
         *
         * <pre>{@code
         * // the outer policy retries a business condition; the HTTP client underneath retries its own failures
         * RetryPolicy reconcile = RetryPolicy.on(StaleDataException.class).allowNestedRetries(true).build();
         * }</pre>
         *
         * @param allow whether calls nested in this policy's attempts, or this policy nested in another's, retry
         * @return this builder
         */
        public Builder allowNestedRetries(boolean allow) {
            spec.allowNestedRetries(allow);
            return this;
        }

        /**
         * At most {@code limit}'s permits attempts in flight at once, across every policy sharing it (default:
         * none). A permit is held per attempt, never during a wait; see {@link dev.tenax.ConcurrencyLimit}.
         *
         * <pre>{@code
         * ConcurrencyLimit limit = ConcurrencyLimit.of(8);
         * builder.concurrencyLimit(limit);
         * }</pre>
         *
         * @param limit the limit, shared by whatever it should limit together
         * @return this builder
         */
        public Builder concurrencyLimit(dev.tenax.ConcurrencyLimit limit) {
            spec.concurrencyLimit(limit);
            return this;
        }

        /**
         * Removes the concurrency limit (the default).
         *
         * @return this builder
         */
        public Builder noConcurrencyLimit() {
            spec.noConcurrencyLimit();
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
         * The name that logs, metrics and events use for this policy. Without one, the policy is named after the
         * class and method that built it ({@code "OrderClient.fetchOrder"}; a constructor or static initialiser
         * gives the class alone), found once by {@code build()}, never per call; {@code "default"} when no
         * such frame is found.
         *
         * @param name not blank
         * @return this builder
         */
        public Builder name(String name) {
            spec.name(name);
            return this;
        }

        /**
         * The level of the default log line for each scheduled retry ({@code tenax.retry_scheduled}); default
         * {@link System.Logger.Level#WARNING WARNING}. A chatty client may want {@code DEBUG};
         * {@link System.Logger.Level#OFF OFF} writes no line. Only the default log listener reads it.
         *
         * <pre>{@code
         * RetryPolicy.on(IOException.class).retryLogLevel(System.Logger.Level.DEBUG).build();
         * }</pre>
         *
         * @param level the level
         * @return this builder
         */
        public Builder retryLogLevel(System.Logger.Level level) {
            spec.retryLogLevel(level);
            return this;
        }

        /**
         * The level of the default log line for a give-up after at least one retry ({@code tenax.gave_up});
         * default {@link System.Logger.Level#INFO INFO}; {@link System.Logger.Level#OFF OFF} writes no line.
         *
         * @param level the level
         * @return this builder
         */
        public Builder giveUpLogLevel(System.Logger.Level level) {
            spec.giveUpLogLevel(level);
            return this;
        }

        /**
         * Whether the give-up line carries the last failure's stack trace, with its causes and what it carries
         * suppressed; default {@code false}. (The caller's exception also has the earlier attempts' failures
         * attached; the log line shows the one that ended the call.) Every message in it is redacted as the line's
         * own {@code message} field is (no user info, query strings or credentials), so the trace keeps
         * SECURITY.md's promise.
         *
         * @param enabled whether to log the stack trace
         * @return this builder
         */
        public Builder logGiveUpStackTrace(boolean enabled) {
            spec.logGiveUpStackTrace(enabled);
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
         * Adds a propagator of the caller's context to this policy's asynchronous calls, in addition to the global
         * ones of {@link Tenax#setContextPropagators}: what it captures when a call starts is in place for every later
         * attempt, listener and the completion of the call's future, on whatever thread they run.
         *
         * @param propagator the propagator
         * @return this builder
         */
        public Builder contextPropagator(ContextPropagator propagator) {
            spec.contextPropagator(propagator);
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
         * The scheduler that times {@link RetryPolicy#callAsync} waits (default: one shared daemon thread). It only
         * times: retries start on the {@link #executor}.
         *
         * @param scheduler the scheduler; Tenax never shuts it down
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            spec.scheduler(scheduler);
            return this;
        }

        /**
         * Where {@link RetryPolicy#callAsync} starts each retry (default: a new virtual thread per retry on Java
         * 21+, a pool of daemon threads before that). The first attempt always starts on the calling thread.
         *
         * @param executor the executor; Tenax never shuts it down
         * @return this builder
         */
        public Builder executor(Executor executor) {
            spec.executor(executor);
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
