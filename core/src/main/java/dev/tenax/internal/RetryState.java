package dev.tenax.internal;

import dev.tenax.GiveUpReason;
import dev.tenax.RetryScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The decision code shared by the blocking and the asynchronous engine, and the context each attempt sees. The
 * core policy creates it only once a call has failed, so a call that succeeds at once allocates none of it.
 * Confined to one call; not thread-safe (the async engine hands it from one completion to the next, each ordered
 * after the previous).
 */
final class RetryState<T extends @Nullable Object> implements AttemptContext {
    /** Earlier failures attached to the final one; the rest are dropped to bound memory on long retry runs. */
    static final int MAX_SUPPRESSED = 32;

    static final long UNKNOWN_START = Long.MIN_VALUE;

    /** What {@link #decide} and {@link #settle} return when the call stops retrying. */
    static final long GIVE_UP = -1;

    /** What {@link #settle} returns when the outcome is the call's result. */
    static final long ACCEPTED = -2;

    private final RetrySpec spec;
    private final Judge<T> judge;
    private final Switches switches;
    private final String budgetKey;
    private final long startNanos;
    private final int maxAttempts;

    private int attempts = 1;
    private long waitedNanos;
    private @Nullable List<Throwable> earlierFailures;
    private @Nullable Throwable lastFailure;
    private GiveUpReason reason = GiveUpReason.NOT_RETRYABLE;
    private @Nullable Verdict earlyVerdict;
    private long earlyDecision;
    private long lastServerWaitNanos = -1;

    RetryState(RetrySpec spec, Judge<T> judge, Switches switches, String budgetKey, long startNanos) {
        this.spec = spec;
        this.judge = judge;
        this.switches = switches;
        this.budgetKey = budgetKey;
        this.startNanos = startNanos == UNKNOWN_START ? spec.timing.nanoTime() : startNanos;
        this.maxAttempts = switches.attempts(spec.maxAttempts);
    }

    /** Whether the deadline applies to this call (not in testing mode). */
    boolean deadlineApplies() {
        return spec.hasTimeout() && !switches.testing;
    }

    Timing timing() {
        return spec.timing;
    }

    @Override
    public int attemptNumber() {
        return attempts;
    }

    @Override
    public boolean decideEarly(Verdict verdict) {
        earlyVerdict = verdict;
        earlyDecision = verdict == Verdict.ACCEPT ? GIVE_UP : decide(verdict, null);
        return earlyDecision != GIVE_UP;
    }

    /**
     * Judges how an attempt ended, honouring a decision the attempt made early (unless that decision returned the
     * response and the attempt then failed anyway: that failure is judged afresh).
     *
     * @return {@link #ACCEPTED}, {@link #GIVE_UP} (then {@link #reason()} says why) or the wait before the next
     *     attempt
     */
    long settle(@Nullable T result, @Nullable Throwable failure) {
        Verdict early = earlyVerdict;
        earlyVerdict = null;
        if (early != null && (failure == null || earlyDecision != GIVE_UP)) {
            lastServerWaitNanos = early.serverWaitNanos;
            if (failure != null) {
                remember(failure);
            }
            return early == Verdict.ACCEPT ? ACCEPTED : earlyDecision;
        }
        Verdict verdict = failure == null ? judgeResult(result) : judge.judgeFailure(failure);
        if (failure == null && verdict == Verdict.ACCEPT) {
            return ACCEPTED;
        }
        lastServerWaitNanos = verdict.serverWaitNanos;
        return decide(verdict, failure);
    }

    @SuppressWarnings("NullAway") // without a failure, result is the attempt's own value (null only if T allows)
    private Verdict judgeResult(@Nullable T result) {
        return judge.judgeResult(result);
    }

    @Override
    public long remainingNanos() {
        if (!deadlineApplies()) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, spec.timeoutNanos - (spec.timing.nanoTime() - startNanos));
    }

    /**
     * Decides after attempt {@code attempts} ended with {@code failure} (or a result) and got {@code verdict}.
     *
     * @return the wait in nanoseconds before the next attempt, or {@link #GIVE_UP}; then {@link #reason()} says
     *     why
     */
    private long decide(Verdict verdict, @Nullable Throwable failure) {
        if (failure != null) {
            remember(failure);
        }
        if (!verdict.isRetry()) {
            return giveUp(verdict.reason);
        }
        if (maxAttempts > 0 && attempts >= maxAttempts) {
            return giveUp(GiveUpReason.ATTEMPTS);
        }
        if (switches.testing) {
            return 0;
        }
        long wait = verdict.kind == Verdict.Kind.RETRY_AFTER
                ? verdict.waitNanos
                : spec.backoffNanos(attempts, spec.timing.nextRandom());
        if (spec.hasTimeout()) {
            long elapsed = spec.timing.nanoTime() - startNanos;
            if (wait > spec.timeoutNanos - elapsed) {
                return giveUp(GiveUpReason.DEADLINE);
            }
        }
        if (!spec.budget.tryAcquireRetry(budgetKey, Duration.ofNanos(wait))) {
            return giveUp(GiveUpReason.BUDGET);
        }
        return wait;
    }

    /** Why the last {@link #decide} gave up. */
    GiveUpReason reason() {
        return reason;
    }

    private long giveUp(GiveUpReason why) {
        reason = why;
        return GIVE_UP;
    }

    /** Notifies listeners of the retry about to wait {@code waitNanos}; returns their scope to close later. */
    @Nullable
    RetryScope retryScheduled(long waitNanos, @Nullable Throwable failure, @Nullable T result) {
        int status = failure == null && result != null ? judge.statusOf(result) : 0;
        RetryEvent event = new RetryEvent(
                spec.name,
                attempts,
                Duration.ofNanos(waitNanos),
                Duration.ofNanos(waitedNanos),
                failure,
                status == 0 ? OptionalInt.empty() : OptionalInt.of(status),
                errorType(failure, status),
                judge.target());
        return Listeners.retryScheduled(spec.listeners, event);
    }

    /** Records that the wait happened and the next attempt is starting. */
    void nextAttempt(long waitNanos) {
        waitedNanos = Durations.saturatedAdd(waitedNanos, waitNanos);
        attempts++;
    }

    /**
     * The exception to throw when the call ends with {@code failure}: the failure itself, with the earlier
     * attempts' failures attached as suppressed.
     */
    Throwable finalFailure(Throwable failure) {
        List<Throwable> earlier = earlierFailures;
        if (earlier != null) {
            for (Throwable previous : earlier) {
                if (previous != failure) {
                    failure.addSuppressed(previous);
                }
            }
            earlierFailures = null;
        }
        return failure;
    }

    /** Tells listeners that the call stops retrying for the reason {@link #settle} found. */
    void gaveUp(@Nullable Throwable failure, @Nullable T result) {
        gaveUp(reason, failure, result);
    }

    /** Tells listeners that the call stops retrying for {@code why}. */
    void gaveUp(GiveUpReason why, @Nullable Throwable failure, @Nullable T result) {
        long serverWaitNanos = lastServerWaitNanos;
        int status = failure == null && result != null ? judge.statusOf(result) : 0;
        GiveUpEvent event = new GiveUpEvent(
                spec.name,
                why,
                attempts,
                Duration.ofNanos(Math.max(0, spec.timing.nanoTime() - startNanos)),
                failure,
                status == 0 ? OptionalInt.empty() : OptionalInt.of(status),
                errorType(failure, status),
                judge.target(),
                serverWaitNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(serverWaitNanos)));
        Listeners.gaveUp(spec.listeners, event);
    }

    @Nullable
    Throwable lastFailure() {
        return lastFailure;
    }

    private void remember(Throwable failure) {
        Throwable previous = lastFailure;
        if (previous != null && previous != failure) {
            List<Throwable> earlier = earlierFailures;
            if (earlier == null) {
                earlier = new ArrayList<>(4);
                earlierFailures = earlier;
            }
            if (earlier.size() < MAX_SUPPRESSED && !earlier.contains(previous)) {
                earlier.add(previous);
            }
        }
        lastFailure = failure;
    }

    private static String errorType(@Nullable Throwable failure, int status) {
        if (failure != null) {
            return failure.getClass().getName();
        }
        return status == 0 ? "result" : "http_" + status;
    }
}
