package dev.tenax.internal;

import dev.tenax.ContextPropagator;
import dev.tenax.RetryBudget;
import dev.tenax.RetryListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The settings every policy shares (attempts, timeout, backoff, name, listeners, budget, timing), validated once
 * by {@link Builder#build()} and immutable after. Both public policy builders delegate here, so the two cannot
 * disagree on a default, a range or an error message.
 */
public final class RetrySpec {
    public static final int DEFAULT_ATTEMPTS = 10;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(45);
    public static final Duration DEFAULT_WAIT_INITIAL = Duration.ofMillis(100);
    public static final Duration DEFAULT_WAIT_MAX = Duration.ofSeconds(5);
    public static final Duration DEFAULT_WAIT_JITTER = Duration.ofSeconds(1);
    public static final double DEFAULT_WAIT_EXP_BASE = 2;
    public static final String DEFAULT_NAME = "default";

    /** 0: no limit on attempts. */
    public final int maxAttempts;
    /** -1: no timeout. */
    public final long timeoutNanos;
    /** -1: no limit per attempt. */
    public final long attemptTimeoutNanos;

    public final long waitInitialNanos;
    public final long waitMaxNanos;
    public final long waitJitterNanos;
    public final double waitExpBase;
    public final String name;
    /** Whether calls nested in this policy's attempts (or this policy inside another's) may retry too. */
    public final boolean allowNestedRetries;
    /** The concurrency limit's permits, or {@code null} when attempts are not limited. */
    public final @Nullable Permits permits;

    public final List<RetryListener> listeners;
    /** Whether one of {@link #listeners} overrides {@code onSuccess}: checked once here, never per call. */
    public final boolean listenersOnSuccess;
    /** The policy's own context propagators, used in addition to the global ones. */
    public final List<ContextPropagator> contextPropagators;

    public final RetryBudget budget;
    public final Timing timing;
    /** The durations as given (the nanosecond fields saturate; getters report what the user set). */
    public final @Nullable Duration timeout;

    public final @Nullable Duration attemptTimeout;

    public final Duration waitInitial;
    public final Duration waitMax;
    public final Duration waitJitter;
    private final @Nullable ScheduledExecutorService scheduler;
    private final @Nullable Executor executor;
    /** How the default log listener writes this policy's lines. */
    final LogSettings logSettings;

    private final Builder source;

    private RetrySpec(Builder b, String name) {
        this.maxAttempts = b.attempts == null ? 0 : b.attempts;
        this.timeoutNanos = b.timeout == null ? -1 : Durations.toNanos(b.timeout);
        this.attemptTimeoutNanos = b.attemptTimeout == null ? -1 : Durations.toNanos(b.attemptTimeout);
        this.waitInitialNanos = Durations.toNanos(b.waitInitial);
        this.waitMaxNanos = Durations.toNanos(b.waitMax);
        this.waitJitterNanos = Durations.toNanos(b.waitJitter);
        this.waitExpBase = b.waitExpBase;
        this.name = name;
        this.logSettings = new LogSettings(b.retryLogLevel, b.giveUpLogLevel, b.logGiveUpStackTrace);
        this.allowNestedRetries = b.allowNestedRetries;
        this.permits = b.limit == null ? null : Permits.of(b.limit);
        this.listeners = List.copyOf(b.listeners);
        this.listenersOnSuccess = Listeners.anyOnSuccess(this.listeners);
        this.contextPropagators = List.copyOf(b.contextPropagators);
        this.budget = b.budget;
        this.timing = b.timing;
        this.timeout = b.timeout;
        this.attemptTimeout = b.attemptTimeout;
        this.waitInitial = b.waitInitial;
        this.waitMax = b.waitMax;
        this.waitJitter = b.waitJitter;
        this.scheduler = b.scheduler;
        this.executor = b.executor;
        this.source = b.copy();
    }

    public boolean hasTimeout() {
        return timeoutNanos >= 0;
    }

    /** How long a call's first attempt may wait for a permit: its whole timeout, or without one, indefinitely. */
    public long firstPermitWaitNanos(Switches switches) {
        return hasTimeout() && !switches.testing ? timeoutNanos : Long.MAX_VALUE;
    }

    /**
     * The most one attempt may take when {@code remainingNanos} are left before the deadline
     * ({@link Long#MAX_VALUE} without a deadline): the smaller of that and the attempt timeout;
     * {@link Long#MAX_VALUE} when neither limits it.
     */
    public long attemptBudgetNanos(long remainingNanos) {
        return attemptTimeoutNanos < 0 ? remainingNanos : Math.min(remainingNanos, attemptTimeoutNanos);
    }

    /** What times asynchronous waits: the policy's scheduler, or Tenax's one daemon thread. */
    public ScheduledExecutorService scheduler() {
        ScheduledExecutorService own = scheduler;
        return own != null ? own : DefaultScheduler.get();
    }

    /**
     * Where asynchronous retries start: the policy's executor, else the client's own ({@code clientExecutor},
     * when the call has one), else {@link DefaultExecutor}.
     */
    public Executor executor(@Nullable Executor clientExecutor) {
        Executor own = executor;
        if (own != null) {
            return own;
        }
        return clientExecutor != null ? clientExecutor : DefaultExecutor.get();
    }

    /** Whether the policy has a scheduler of its own, which might be shut down under a waiting call. */
    boolean hasOwnScheduler() {
        return scheduler != null;
    }

    /** A builder holding these settings, to derive a new spec. */
    public Builder toBuilder() {
        return source.copy();
    }

    /**
     * The computed backoff after the failed attempt {@code n} (1-based):
     * {@code min(waitMax, waitInitial * waitExpBase^(n-1) + random * waitJitter)}.
     *
     * <p>Total over its whole domain ({@code n >= 1}, {@code random} in {@code [0, 1)}, any valid settings): the
     * result is in {@code [0, waitMax]}, never below {@code min(waitMax, exponential part)} and never smaller for
     * a larger {@code n}. A huge {@code n} gives {@code waitMax}. The exponential part is {@code 0} whenever
     * {@code waitInitial} is, since {@code 0 * infinity} would be NaN and lose the jitter (issue 12); a NaN or
     * out-of-range {@code random} counts as {@code 0} or just below {@code 1}.
     */
    public long backoffNanos(int n, double random) {
        double exponential = waitInitialNanos == 0 ? 0 : waitInitialNanos * Math.pow(waitExpBase, Math.max(0, n - 1.0));
        double unit = random > 0 ? Math.min(random, Math.nextDown(1.0)) : 0;
        double wait = exponential + unit * waitJitterNanos;
        // every term is finite or +infinity and non-negative, so wait is too; infinity compares above waitMax
        return wait < waitMaxNanos ? (long) wait : waitMaxNanos;
    }

    @Override
    public String toString() {
        return "name=" + name
                + ", attempts=" + (maxAttempts == 0 ? "unlimited" : Integer.toString(maxAttempts))
                + ", timeout="
                + (timeoutNanos < 0 ? "none" : Duration.ofNanos(timeoutNanos).toString())
                + (attemptTimeoutNanos < 0 ? "" : ", attemptTimeout=" + Duration.ofNanos(attemptTimeoutNanos))
                + ", waitInitial=" + Duration.ofNanos(waitInitialNanos)
                + ", waitMax=" + Duration.ofNanos(waitMaxNanos)
                + ", waitJitter=" + Duration.ofNanos(waitJitterNanos)
                + ", waitExpBase=" + waitExpBase
                + ", budget=" + budget;
    }

    /** Mutable settings with the defaults; {@link #build()} validates them all. Not thread-safe. */
    public static final class Builder {
        private @Nullable Integer attempts = DEFAULT_ATTEMPTS;
        private @Nullable Duration timeout = DEFAULT_TIMEOUT;
        private @Nullable Duration attemptTimeout;
        private Duration waitInitial = DEFAULT_WAIT_INITIAL;
        private Duration waitMax = DEFAULT_WAIT_MAX;
        private Duration waitJitter = DEFAULT_WAIT_JITTER;
        private double waitExpBase = DEFAULT_WAIT_EXP_BASE;
        private String name = DEFAULT_NAME;
        private boolean nameGiven;
        private System.Logger.Level retryLogLevel = System.Logger.Level.WARNING;
        private System.Logger.Level giveUpLogLevel = System.Logger.Level.INFO;
        private boolean logGiveUpStackTrace;
        private List<RetryListener> listeners = new ArrayList<>();
        private List<ContextPropagator> contextPropagators = new ArrayList<>();
        private RetryBudget budget = RetryBudget.unlimited();
        private boolean allowUnbounded;
        private boolean allowNestedRetries;
        private dev.tenax.@Nullable ConcurrencyLimit limit;
        private Timing timing = Timing.system();
        private @Nullable ScheduledExecutorService scheduler;
        private @Nullable Executor executor;

        public Builder() {}

        public void attempts(int value) {
            attempts = value;
        }

        public void unlimitedAttempts() {
            attempts = null;
        }

        public void timeout(Duration value) {
            timeout = Objects.requireNonNull(value, "timeout");
        }

        public void noTimeout() {
            timeout = null;
        }

        public void attemptTimeout(Duration value) {
            attemptTimeout = Objects.requireNonNull(value, "attemptTimeout");
        }

        public void noAttemptTimeout() {
            attemptTimeout = null;
        }

        public void allowUnbounded(boolean value) {
            allowUnbounded = value;
        }

        public void allowNestedRetries(boolean value) {
            allowNestedRetries = value;
        }

        public void concurrencyLimit(dev.tenax.ConcurrencyLimit value) {
            limit = Objects.requireNonNull(value, "concurrencyLimit");
        }

        public void noConcurrencyLimit() {
            limit = null;
        }

        public void waitInitial(Duration value) {
            waitInitial = Objects.requireNonNull(value, "waitInitial");
        }

        public void waitMax(Duration value) {
            waitMax = Objects.requireNonNull(value, "waitMax");
        }

        public void waitJitter(Duration value) {
            waitJitter = Objects.requireNonNull(value, "waitJitter");
        }

        public void waitExpBase(double value) {
            waitExpBase = value;
        }

        public void name(String value) {
            name = Objects.requireNonNull(value, "name");
            nameGiven = true;
        }

        public void retryLogLevel(System.Logger.Level value) {
            retryLogLevel = Objects.requireNonNull(value, "retryLogLevel");
        }

        public void giveUpLogLevel(System.Logger.Level value) {
            giveUpLogLevel = Objects.requireNonNull(value, "giveUpLogLevel");
        }

        public void logGiveUpStackTrace(boolean value) {
            logGiveUpStackTrace = value;
        }

        /** The name to use when {@link #name} was not called and the building site cannot be found. */
        public void fallbackName(String value) {
            name = Objects.requireNonNull(value, "name");
        }

        public void listener(RetryListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
        }

        public void contextPropagator(ContextPropagator value) {
            contextPropagators.add(Objects.requireNonNull(value, "contextPropagator"));
        }

        public void budget(RetryBudget value) {
            budget = Objects.requireNonNull(value, "budget");
        }

        public void timing(Timing value) {
            timing = Objects.requireNonNull(value, "timing");
        }

        public void scheduler(ScheduledExecutorService value) {
            scheduler = Objects.requireNonNull(value, "scheduler");
        }

        public void executor(Executor value) {
            executor = Objects.requireNonNull(value, "executor");
        }

        public @Nullable Duration timeout() {
            return timeout;
        }

        /**
         * Validates every setting and returns the immutable spec.
         *
         * @throws IllegalArgumentException naming the field, its value and the allowed range
         * @throws IllegalStateException when neither attempts nor time are limited and that was not asked for
         */
        public RetrySpec build() {
            Integer a = attempts;
            if (a != null && a < 1) {
                throw new IllegalArgumentException("attempts must be between 1 and " + Integer.MAX_VALUE + " (was " + a
                        + "); use unlimitedAttempts() for no limit");
            }
            Duration t = timeout;
            if (t != null && (t.isNegative() || t.isZero())) {
                throw new IllegalArgumentException(
                        "timeout must be > 0 (was " + t + "); use noTimeout() for no time limit");
            }
            Duration at = attemptTimeout;
            if (at != null && (at.isNegative() || at.isZero())) {
                throw new IllegalArgumentException(
                        "attemptTimeout must be > 0 (was " + at + "); use noAttemptTimeout() for no limit per attempt");
            }
            requireNotNegative("waitInitial", waitInitial);
            requireNotNegative("waitMax", waitMax);
            requireNotNegative("waitJitter", waitJitter);
            if (waitMax.compareTo(waitInitial) < 0) {
                throw new IllegalArgumentException(
                        "waitMax must be >= waitInitial (" + waitInitial + ") (was " + waitMax + ")");
            }
            if (!(waitExpBase >= 1) || Double.isInfinite(waitExpBase)) {
                throw new IllegalArgumentException(
                        "waitExpBase must be a finite number >= 1 (was " + waitExpBase + ")");
            }
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank (was \"" + name + "\")");
            }
            if (a == null && t == null && !allowUnbounded) {
                throw new IllegalStateException("neither attempts nor timeout is limited: such a policy can retry"
                        + " forever; set attempts(1..) or timeout(> 0), or call allowUnbounded(true)");
            }
            // derived here, once per policy: the call site is a stack walk, which no call should pay for
            return new RetrySpec(this, nameGiven ? name : CallSiteName.of(name));
        }

        public Builder copy() {
            Builder copy = new Builder();
            copy.attempts = attempts;
            copy.timeout = timeout;
            copy.attemptTimeout = attemptTimeout;
            copy.waitInitial = waitInitial;
            copy.waitMax = waitMax;
            copy.waitJitter = waitJitter;
            copy.waitExpBase = waitExpBase;
            copy.name = name;
            copy.nameGiven = nameGiven;
            copy.retryLogLevel = retryLogLevel;
            copy.giveUpLogLevel = giveUpLogLevel;
            copy.logGiveUpStackTrace = logGiveUpStackTrace;
            copy.allowNestedRetries = allowNestedRetries;
            copy.limit = limit;
            copy.listeners = new ArrayList<>(listeners);
            copy.contextPropagators = new ArrayList<>(contextPropagators);
            copy.budget = budget;
            copy.allowUnbounded = allowUnbounded;
            copy.timing = timing;
            copy.scheduler = scheduler;
            copy.executor = executor;
            return copy;
        }

        private static void requireNotNegative(String field, Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException(field + " must be >= 0 (was " + value + ")");
            }
        }
    }
}
