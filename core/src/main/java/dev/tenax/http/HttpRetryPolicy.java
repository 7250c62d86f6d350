package dev.tenax.http;

import dev.tenax.RetryBudget;
import dev.tenax.RetryListener;
import dev.tenax.internal.Durations;
import dev.tenax.internal.RetrySpec;
import dev.tenax.internal.Timing;
import dev.tenax.internal.http.FieldNames;
import dev.tenax.internal.http.HttpPolicies;
import dev.tenax.internal.http.HttpRules;
import java.time.Duration;
import java.util.BitSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * How HTTP calls are retried, whatever the client: every Tenax client module applies the same policy the same
 * way.
 *
 * <p>By default: statuses 408, 429, 500, 502, 503 and 504 and transient transport failures are retried, up to
 * 10 attempts within 45 s, with exponential backoff and jitter. A request that may have reached the server is
 * sent again only if its method is idempotent (GET, HEAD, OPTIONS, TRACE, PUT, DELETE) or it carries an
 * {@code Idempotency-Key}, and only if its body can be sent twice. A server's {@code Retry-After} (or rate-limit
 * header) is honoured plus jitter; a wait longer than {@code maxRetryAfter} ends the call with the response. A
 * per-host retry budget ({@code RetryBudget.tokenBucket(5, 0.2)}: five retries in reserve, one more earned per five
 * answered calls) keeps a full outage from being multiplied by retries at any request rate; a 429 with a hint is
 * paced by the hint, not refused by the budget.
 *
 * <pre>{@code
 * HttpRetryPolicy policy = HttpRetryPolicy.builder()
 *     .attempts(5)
 *     .timeout(Duration.ofSeconds(10))
 *     .retryOnStatus(429, 503)
 *     .build();
 * }</pre>
 *
 * <p>Policies are immutable and thread-safe.
 */
public final class HttpRetryPolicy {
    /** The statuses retried by default. */
    static final int[] DEFAULT_STATUSES = {408, 429, 500, 502, 503, 504};

    static final String DEFAULT_NAME = "http";

    /** Used when there is no timeout to bound server hints. */
    static final Duration DEFAULT_MAX_RETRY_AFTER_WITHOUT_TIMEOUT = Duration.ofMinutes(1);

    /** The default budget's constants (docs/http.md, "Retry budget", says why these). */
    static final int DEFAULT_BUDGET_CAPACITY = 5;

    static final double DEFAULT_BUDGET_REFILL = 0.2;

    /** One JVM-wide per-host budget for every policy that does not choose its own. */
    private static final RetryBudget DEFAULT_BUDGET =
            RetryBudget.tokenBucket(DEFAULT_BUDGET_CAPACITY, DEFAULT_BUDGET_REFILL);

    private static final HttpRetryPolicy DEFAULTS = builder().name(DEFAULT_NAME).build();

    static {
        HttpPolicies.register(policy -> policy.rules);
    }

    private final HttpRules rules;

    private HttpRetryPolicy(HttpRules rules) {
        this.rules = rules;
    }

    /**
     * A builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The default policy, equal to {@code builder().build()}.
     *
     * @return the shared default policy
     */
    public static HttpRetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding this policy's settings, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The policy's name, used in logs, metrics and events. */
    public String name() {
        return rules.spec().name;
    }

    /** The attempt limit, or empty when attempts are unlimited. */
    public OptionalInt attempts() {
        int max = rules.spec().maxAttempts;
        return max == 0 ? OptionalInt.empty() : OptionalInt.of(max);
    }

    /** The total time limit as it was set, or empty when there is none. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(rules.spec().timeout);
    }

    /** The limit per attempt as it was set, or empty when there is none of its own. */
    public Optional<Duration> attemptTimeout() {
        return Optional.ofNullable(rules.spec().attemptTimeout);
    }

    /** The wait after the first failure, before jitter. */
    public Duration waitInitial() {
        return rules.spec().waitInitial;
    }

    /** The longest computed wait. */
    public Duration waitMax() {
        return rules.spec().waitMax;
    }

    /** The upper bound of the random jitter added to each wait. */
    public Duration waitJitter() {
        return rules.spec().waitJitter;
    }

    /** The factor by which the computed wait grows after each failure. */
    public double waitExpBase() {
        return rules.spec().waitExpBase;
    }

    /**
     * Whether a response with this status is retried (before the predicate and the safety rules).
     *
     * @param status an HTTP status code
     * @return whether the status is in the retried set
     */
    public boolean retriesStatus(int status) {
        return rules.retriesStatus(status);
    }

    /** The longest server-requested wait the policy accepts. */
    public Duration maxRetryAfter() {
        return Duration.ofNanos(rules.maxRetryAfterNanos());
    }

    /** What happens when a server asks for a longer wait. */
    public LongRetryAfter longRetryAfter() {
        return rules.longRetryAfter();
    }

    /** Whether non-idempotent requests are retried after they may have been sent. */
    public boolean retryNonIdempotent() {
        return rules.retryNonIdempotent();
    }

    /** The request header that carries each attempt's number, if any (see {@link Builder#attemptHeader}). */
    public Optional<String> attemptHeader() {
        return Optional.ofNullable(rules.attemptHeader());
    }

    /** The retry budget. */
    public RetryBudget budget() {
        return rules.spec().budget;
    }

    @Override
    public String toString() {
        return "HttpRetryPolicy[" + rules.spec() + ", statuses=" + rules.statuses() + ", retryNonIdempotent="
                + rules.retryNonIdempotent() + ", maxRetryAfter=" + maxRetryAfter() + ", longRetryAfter="
                + rules.longRetryAfter() + (rules.predicate() == null ? "" : ", retryIf=" + rules.predicate())
                + (rules.attemptHeader() == null ? "" : ", attemptHeader=" + rules.attemptHeader()) + "]";
    }

    /**
     * Collects an HTTP policy's settings; {@link #build()} validates them all. The backoff settings have the same
     * names, defaults and ranges as {@link dev.tenax.RetryPolicy.Builder}. Not thread-safe; {@code build()}
     * copies, so a builder may be reused.
     */
    public static final class Builder {
        private final RetrySpec.Builder spec;
        private int[] statuses;
        private @Nullable HttpRetryPredicate predicate;
        private boolean retryNonIdempotent;
        private @Nullable Duration maxRetryAfter;
        private LongRetryAfter longRetryAfter = LongRetryAfter.GIVE_UP;
        private @Nullable String attemptHeader;

        Builder() {
            spec = new RetrySpec.Builder();
            spec.fallbackName(DEFAULT_NAME);
            spec.budget(DEFAULT_BUDGET);
            statuses = DEFAULT_STATUSES.clone();
        }

        Builder(HttpRetryPolicy policy) {
            HttpRules rules = policy.rules;
            spec = rules.spec().toBuilder();
            statuses = rules.statuses().stream().toArray();
            predicate = rules.predicate();
            retryNonIdempotent = rules.retryNonIdempotent();
            maxRetryAfter = Duration.ofNanos(rules.maxRetryAfterNanos());
            longRetryAfter = rules.longRetryAfter();
            attemptHeader = rules.attemptHeader();
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
         * left before the timeout). Each adapter passes it to its client's own per-call timeout, so that
         * expiry is the client's own timeout exception, treated as "may have been sent".
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
         * The longest computed wait (default 5 s). Server hints are limited by {@link #maxRetryAfter} instead.
         *
         * @param waitMax {@code >= waitInitial}
         * @return this builder
         */
        public Builder waitMax(Duration waitMax) {
            spec.waitMax(waitMax);
            return this;
        }

        /**
         * The upper bound of the random jitter added to each wait, server hints included (default 1 s).
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
         * gives the class alone), found once by {@code build()}, never per call; {@code "http"} when no
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
         * HttpRetryPolicy.builder().retryLogLevel(System.Logger.Level.DEBUG).build();
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
         * The response statuses to retry; replaces the default set (408, 429, 500, 502, 503, 504). No argument:
         * retry no status, only transport failures.
         *
         * @param statuses each between 100 and 599
         * @return this builder
         */
        public Builder retryOnStatus(int... statuses) {
            this.statuses = Objects.requireNonNull(statuses, "statuses").clone();
            return this;
        }

        /**
         * Full control over which outcomes are retried; see {@link HttpRetryPredicate}. The safety rules
         * (idempotency, replayable body) still apply.
         *
         * @param predicate the decision for each outcome
         * @return this builder
         */
        public Builder retryIf(HttpRetryPredicate predicate) {
            this.predicate = Objects.requireNonNull(predicate, "predicate");
            return this;
        }

        /**
         * Whether to retry requests whose method is not idempotent (POST, PATCH…) after they may have reached the
         * server (default {@code false}: they are retried only when nothing was sent, or with an
         * {@code Idempotency-Key} header).
         *
         * @param retry {@code true} to opt in
         * @return this builder
         */
        public Builder retryNonIdempotent(boolean retry) {
            this.retryNonIdempotent = retry;
            return this;
        }

        /**
         * The longest wait a server may ask for (default: the timeout, or one minute without a timeout).
         *
         * @param maxRetryAfter {@code >= 0}
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * What to do when a server asks for more than {@link #maxRetryAfter} (default
         * {@link LongRetryAfter#GIVE_UP}).
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder longRetryAfter(LongRetryAfter rule) {
            this.longRetryAfter = Objects.requireNonNull(rule, "longRetryAfter");
            return this;
        }

        /**
         * Sends each re-sent request's attempt number ({@code 2} for the first retry) in a request header of this
         * name, so that the next layer (a proxy, a service that calls others) can see a re-send and decline to
         * retry it again, as Envoy's {@code x-envoy-attempt-count} and gRPC's {@code grpc-previous-rpc-attempts}
         * do. The first attempt goes out as the caller wrote it. Default: no header. On a re-send the header
         * replaces one of the same name the request carries.
         *
         * <pre>{@code
         * HttpRetryPolicy policy = HttpRetryPolicy.builder().attemptHeader("X-Retry-Attempt").build();
         * }</pre>
         *
         * @param name an HTTP field name (RFC 9110 token characters)
         * @return this builder
         * @throws IllegalArgumentException when {@code name} is not a valid field name, or names a field that the
         *     clients manage themselves ({@code Host}, {@code Content-Length}, hop-by-hop fields: the JDK client
         *     refuses to set them); the message names it
         */
        public Builder attemptHeader(String name) {
            Objects.requireNonNull(name, "attemptHeader");
            if (!FieldNames.isToken(name)) {
                throw new IllegalArgumentException("attemptHeader must be a non-empty HTTP field name of token "
                        + "characters (letters, digits and !#$%&'*+-.^_`|~), was \"" + name + "\"");
            }
            if (FieldNames.isReserved(name)) {
                throw new IllegalArgumentException("attemptHeader must not be a field that the clients manage"
                        + " themselves (" + FieldNames.RESERVED_LIST + "), was \"" + name + "\"");
            }
            this.attemptHeader = name;
            return this;
        }

        /**
         * Sends no attempt header (the default).
         *
         * @return this builder
         */
        public Builder noAttemptHeader() {
            this.attemptHeader = null;
            return this;
        }

        /**
         * The retry budget (default: one JVM-wide {@code RetryBudget.tokenBucket(5, 0.2)}, kept per host).
         *
         * @param budget the budget; {@link RetryBudget#unlimited()} turns budgeting off
         * @return this builder
         */
        public Builder budget(RetryBudget budget) {
            spec.budget(budget);
            return this;
        }

        /**
         * Adds a listener of this policy's retries and give-ups, in addition to the global ones.
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
         * ones of {@link dev.tenax.Tenax#setContextPropagators}: what it captures when a call starts is in place for every later
         * attempt, listener and the completion of the call's future, on whatever thread they run.
         *
         * @param propagator the propagator
         * @return this builder
         */
        public Builder contextPropagator(dev.tenax.ContextPropagator propagator) {
            spec.contextPropagator(propagator);
            return this;
        }

        /**
         * The scheduler that times asynchronous waits (default: one shared daemon thread). It only times: retries
         * start on the {@link #executor}.
         *
         * @param scheduler the scheduler; Tenax never shuts it down
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            spec.scheduler(scheduler);
            return this;
        }

        /**
         * Where asynchronous calls start each retry (default: a new virtual thread per retry on Java 21+, a pool
         * of daemon threads before that).
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
         */
        public HttpRetryPolicy build() {
            RetrySpec built = spec.build();
            BitSet set = new BitSet(600);
            for (int status : statuses) {
                if (status < 100 || status > 599) {
                    throw new IllegalArgumentException(
                            "retryOnStatus values must be between 100 and 599 (was " + status + ")");
                }
                set.set(status);
            }
            Duration max = maxRetryAfter;
            if (max != null && max.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must be >= 0 (was " + max + ")");
            }
            long maxNanos = max != null
                    ? Durations.toNanos(max)
                    : built.hasTimeout()
                            ? built.timeoutNanos
                            : Durations.toNanos(DEFAULT_MAX_RETRY_AFTER_WITHOUT_TIMEOUT);
            return new HttpRetryPolicy(
                    new HttpRules(built, set, predicate, retryNonIdempotent, maxNanos, longRetryAfter, attemptHeader));
        }
    }
}
