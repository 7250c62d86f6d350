package dev.tenax.internal;

import dev.tenax.GiveUpReason;
import dev.tenax.RetryBudget;
import dev.tenax.RetryContext;
import dev.tenax.RetryScope;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The decision code shared by the blocking and the asynchronous engine, and the context each attempt sees. The
 * core policy creates it only once a call has failed, so a call that succeeds at once allocates none of it.
 *
 * <p>Every piece of user code it calls (the judge's rules, the budget) is contained here: a throwable from it is
 * attached to the attempt's failure and the call stops, so the caller always gets the real failure. Only a
 * {@link VirtualMachineError} propagates as itself. Confined to one call; not thread-safe (the async engine
 * hands it from one owner to the next, each ordered after the previous).
 */
final class RetryState<T extends @Nullable Object> implements AttemptContext, RetryContext {
    static final long UNKNOWN_START = Long.MIN_VALUE;

    private final RetrySpec spec;
    private final Judge<T> judge;
    private final Switches switches;
    private final String budgetKey;
    private final long startNanos;
    private final int maxAttempts;
    /** The policy's timeout, or the client's own call timeout when that is shorter; -1: none. */
    private final long callTimeoutNanos;
    /** Made on the first failure: a call that succeeds at once never pays for it. */
    private @Nullable FailureChain failures;

    private int attempts = 1;
    private long waitedNanos;
    private GiveUpReason reason = GiveUpReason.NOT_RETRYABLE;
    private @Nullable Verdict earlyVerdict;
    private @Nullable Step earlyStep;
    private long lastServerWaitNanos = -1;
    private boolean gaveUpNotified;

    RetryState(RetrySpec spec, Judge<T> judge, Switches switches, String budgetKey, long startNanos) {
        this.spec = spec;
        this.judge = judge;
        this.switches = switches;
        this.budgetKey = budgetKey;
        this.startNanos = startNanos == UNKNOWN_START ? spec.timing.nanoTime() : startNanos;
        this.maxAttempts = switches.attempts(spec.maxAttempts);
        long outer = judge.outerTimeoutNanos();
        this.callTimeoutNanos =
                outer < 0 ? spec.timeoutNanos : spec.hasTimeout() ? Math.min(outer, spec.timeoutNanos) : outer;
    }

    /** Whether the deadline applies to this call (not in testing mode). */
    boolean deadlineApplies() {
        return callTimeoutNanos >= 0 && !switches.testing;
    }

    /** Whether this call runs in testing mode: no waits at all. */
    boolean testing() {
        return switches.testing;
    }

    Timing timing() {
        return spec.timing;
    }

    Judge<T> judge() {
        return judge;
    }

    @Override
    public int attemptNumber() {
        return attempts;
    }

    @Override
    public Duration elapsed() {
        return Duration.ofNanos(Math.max(0, spec.timing.nanoTime() - startNanos));
    }

    @Override
    public Duration waitedSoFar() {
        return Duration.ofNanos(waitedNanos);
    }

    @Override
    public boolean decideEarly(Verdict verdict) {
        earlyVerdict = verdict;
        Step step = verdict == Verdict.ACCEPT ? Step.ACCEPT : decide(verdict, null);
        earlyStep = step;
        return step instanceof Step.Retry;
    }

    /**
     * Judges how an attempt ended, honouring a decision the attempt made early (unless that decision returned the
     * response and the attempt then failed anyway: that failure is judged afresh). Sets {@link #reason()} when it
     * gives up.
     */
    Step settle(@Nullable T result, @Nullable Throwable failure) {
        Verdict early = earlyVerdict;
        Step earlyDecision = earlyStep;
        earlyVerdict = null;
        earlyStep = null;
        if (early != null && earlyDecision != null && (failure == null || earlyDecision instanceof Step.Retry)) {
            lastServerWaitNanos = early.serverWaitNanos;
            if (failure != null) {
                failures().add(failure, attempts);
            }
            if (earlyDecision == Step.ACCEPT) {
                succeeded();
            }
            return earlyDecision;
        }
        Verdict verdict = failure == null ? judgeResult(result) : judgeFailure(failure);
        if (failure == null && verdict == Verdict.ACCEPT) {
            succeeded();
            return Step.ACCEPT;
        }
        lastServerWaitNanos = verdict.serverWaitNanos;
        return decide(verdict, failure);
    }

    /** The deadline on the timing's clock, or {@link Long#MAX_VALUE} when none applies. */
    long deadlineNanoTime() {
        return deadlineApplies() ? Durations.saturatedAdd(startNanos, callTimeoutNanos) : Long.MAX_VALUE;
    }

    /** Whether the deadline applies and has passed (an attempt may still start exactly at it, not after). */
    boolean deadlinePassed() {
        return deadlineApplies() && spec.timing.nanoTime() - startNanos > callTimeoutNanos;
    }

    @Override
    public long remainingNanos() {
        if (!deadlineApplies()) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, callTimeoutNanos - (spec.timing.nanoTime() - startNanos));
    }

    @Override
    public long timeoutNanos() {
        return spec.attemptBudgetNanos(remainingNanos());
    }

    /** Whether a wait of {@code waitNanos} starting now still ends by the deadline (always, when none applies). */
    boolean waitFits(long waitNanos) {
        return !deadlineApplies()
                || Durations.saturatedAdd(spec.timing.nanoTime() - startNanos, waitNanos) <= callTimeoutNanos;
    }

    private Verdict judgeFailure(Throwable failure) {
        if (failure instanceof InterruptedException) {
            // an interrupt is the caller's request to stop, whatever the rule says
            return Verdict.stop(GiveUpReason.INTERRUPTED);
        }
        if (Faults.isFatal(failure)) {
            return Verdict.stop(GiveUpReason.NOT_RETRYABLE);
        }
        try {
            return judge.judgeFailure(failure, this);
        } catch (Throwable ruleFailed) {
            // a broken rule must not hide the failure it was asked about
            Faults.rethrowIfVirtualMachineError(ruleFailed);
            Faults.attach(failure, ruleFailed);
            return Verdict.stop(GiveUpReason.NOT_RETRYABLE);
        }
    }

    @SuppressWarnings("NullAway") // without a failure, result is the attempt's own value (null only if T allows)
    private Verdict judgeResult(@Nullable T result) {
        try {
            return judge.judgeResult(result, this);
        } catch (Throwable ruleFailed) {
            // nothing to attach it to: the result goes back to the caller and the rule's fault is logged
            Faults.rethrowIfVirtualMachineError(ruleFailed);
            Listeners.report(judge, ruleFailed);
            return Verdict.ACCEPT;
        }
    }

    /**
     * Decides after attempt {@code attempts} ended with {@code failure} (or a result) and got {@code verdict}.
     * Records the failure for the suppressed chain.
     */
    private Step decide(Verdict verdict, @Nullable Throwable failure) {
        if (failure != null) {
            failures().add(failure, attempts);
        }
        if (!verdict.isRetry()) {
            return giveUp(verdict.reason);
        }
        if (maxAttempts > 0 && attempts >= maxAttempts) {
            return giveUp(GiveUpReason.ATTEMPTS);
        }
        if (switches.testing) {
            return Step.retry(0);
        }
        long wait = verdict.kind == Verdict.Kind.RETRY_AFTER
                ? verdict.waitNanos
                : spec.backoffNanos(attempts, spec.timing.nextRandom());
        if (callTimeoutNanos >= 0) {
            long elapsed = spec.timing.nanoTime() - startNanos;
            if (wait > callTimeoutNanos - elapsed) {
                return giveUp(GiveUpReason.DEADLINE);
            }
        }
        if (!budgetGrants(wait, failure, verdict.paced)) {
            return giveUp(GiveUpReason.BUDGET);
        }
        return Step.retry(wait);
    }

    private boolean budgetGrants(long waitNanos, @Nullable Throwable failure, boolean paced) {
        RetryBudget.Cause cause = paced
                ? RetryBudget.Cause.PACED
                : failure != null && Faults.isTimeout(failure) ? RetryBudget.Cause.TIMEOUT : RetryBudget.Cause.FAILURE;
        try {
            return spec.budget.tryAcquireRetry(budgetKey, Duration.ofNanos(waitNanos), cause);
        } catch (Throwable budgetFailed) {
            // a budget that cannot answer grants nothing
            Faults.rethrowIfVirtualMachineError(budgetFailed);
            if (failure != null) {
                Faults.attach(failure, budgetFailed);
            } else {
                Listeners.report(spec.budget, budgetFailed);
            }
            return false;
        }
    }

    /** The call's outcome was accepted: the budget is told, then the listeners that want to know. */
    private void succeeded() {
        BlockingEngine.onSuccess(spec, switches, budgetKey);
        if (Listeners.wantSuccess(spec)) {
            Listeners.succeeded(spec.listeners, new SuccessEvent(spec.name, attempts, elapsed()));
        }
    }

    RetrySpec spec() {
        return spec;
    }

    /** Why the last decision gave up. */
    GiveUpReason reason() {
        return reason;
    }

    private Step giveUp(GiveUpReason why) {
        reason = why;
        return Step.giveUp(why);
    }

    /** Notifies listeners of the retry about to wait {@code waitNanos}; returns their scope to close later. */
    @Nullable
    RetryScope retryScheduled(long waitNanos, @Nullable Throwable failure, @Nullable T result) {
        int status = statusOf(failure, result);
        RetryEvent event = new RetryEvent(
                spec.name,
                attempts,
                Duration.ofNanos(waitNanos),
                Duration.ofNanos(waitedNanos),
                failure,
                status == 0 ? OptionalInt.empty() : OptionalInt.of(status),
                errorType(failure, status),
                target(),
                spec.logSettings);
        return Listeners.retryScheduled(spec.listeners, event);
    }

    /** Records that the wait happened and the next attempt is starting. */
    void nextAttempt(long waitNanos) {
        waitedNanos = Durations.saturatedAdd(waitedNanos, waitNanos);
        attempts++;
    }

    /**
     * The exception to throw when the call ends with {@code failure}: the failure itself, with the earlier
     * attempts' failures attached as suppressed (bounded, each instance once).
     */
    Throwable finalFailure(Throwable failure) {
        FailureChain chain = failures;
        return chain == null ? failure : chain.attachTo(failure);
    }

    private FailureChain failures() {
        FailureChain chain = failures;
        if (chain == null) {
            chain = new FailureChain();
            failures = chain;
        }
        return chain;
    }

    /** The latest attempt's failure, or {@code null} when every attempt so far gave a result. */
    @Nullable
    Throwable lastFailure() {
        FailureChain chain = failures;
        return chain == null ? null : chain.last();
    }

    /** Tells listeners that the call stops retrying for the reason the last decision found. */
    void gaveUp(@Nullable Throwable failure, @Nullable T result) {
        gaveUp(reason, failure, result);
    }

    /** Tells listeners, once per call, that the call stops retrying for {@code why}. */
    void gaveUp(GiveUpReason why, @Nullable Throwable failure, @Nullable T result) {
        if (gaveUpNotified) {
            return;
        }
        gaveUpNotified = true;
        reason = why;
        long serverWaitNanos = lastServerWaitNanos;
        int status = statusOf(failure, result);
        GiveUpEvent event = new GiveUpEvent(
                spec.name,
                why,
                attempts,
                elapsed(),
                failure,
                status == 0 ? OptionalInt.empty() : OptionalInt.of(status),
                errorType(failure, status),
                target(),
                serverWaitNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(serverWaitNanos)),
                spec.logSettings);
        Listeners.gaveUp(spec.listeners, event);
    }

    /**
     * Releases a result that will not reach the caller (retried, or its call cancelled); never throws.
     *
     * @return what the caller may still receive in its place ({@link Judge#release}), or {@code null}
     */
    @Nullable
    T release(@Nullable T result) {
        if (result == null) {
            return null;
        }
        try {
            return judge.release(result);
        } catch (Throwable releaseFailed) {
            // releasing is best effort: a failure to drain only costs the connection
            Faults.rethrowIfVirtualMachineError(releaseFailed);
            return judge.releasesResults() ? null : result;
        }
    }

    /**
     * Whether the outcome of the attempt that was just retried can still end the call: a failure, a result the
     * judge does not release, or the copy a release kept.
     */
    boolean usable(@Nullable Throwable failure, @Nullable T kept) {
        return failure != null || kept != null || !judge.releasesResults();
    }

    private int statusOf(@Nullable Throwable failure, @Nullable T result) {
        if (failure != null || result == null) {
            return 0;
        }
        try {
            return judge.statusOf(result);
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }

    private @Nullable String target() {
        try {
            return judge.target();
        } catch (RuntimeException undescribable) {
            return null;
        }
    }

    private static String errorType(@Nullable Throwable failure, int status) {
        if (failure != null) {
            return failure.getClass().getName();
        }
        return status == 0 ? "result" : "http_" + status;
    }
}
