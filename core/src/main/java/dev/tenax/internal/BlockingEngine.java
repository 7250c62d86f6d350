package dev.tenax.internal;

import dev.tenax.GiveUpReason;
import dev.tenax.RetryScope;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs attempts on the calling thread and waits between them with {@link Timing#sleep}, which a virtual thread
 * unmounts for (no monitor is held while waiting).
 */
public final class BlockingEngine {
    private BlockingEngine() {}

    /**
     * Reads the clock only when a deadline or a success listener ({@code elapsed()}) will need it, so a call
     * without either pays nothing for it.
     */
    public static long startTime(RetrySpec spec, Switches switches) {
        return (spec.hasTimeout() && !switches.testing) || Listeners.wantSuccess(spec)
                ? spec.timing.nanoTime()
                : RetryState.UNKNOWN_START;
    }

    /**
     * Tells the listeners that override {@code onSuccess} that a call which started at {@code start} succeeded at
     * its first attempt; when none does (decided when the policy was built or the global listeners were set), this
     * reads two fields and allocates nothing: the core policy's hot path.
     */
    public static void succeededAtOnce(RetrySpec spec, long start) {
        if (!Listeners.wantSuccess(spec)) {
            return;
        }
        long elapsed = start == RetryState.UNKNOWN_START ? 0 : Math.max(0, spec.timing.nanoTime() - start);
        Listeners.succeeded(spec.listeners, new SuccessEvent(spec.name, 1, Duration.ofNanos(elapsed)));
    }

    /** Records the start of a call with the budget; a budget that throws is reported and ignored. */
    public static void onRequest(RetrySpec spec, Switches switches, String budgetKey) {
        if (switches.testing) {
            return;
        }
        try {
            spec.budget.onRequest(budgetKey);
        } catch (Throwable budgetFailed) {
            Faults.rethrowIfVirtualMachineError(budgetFailed);
            Listeners.report(spec.budget, budgetFailed);
        }
    }

    /** Tells the budget that an attempt's outcome was accepted; a budget that throws is reported and ignored. */
    public static void onSuccess(RetrySpec spec, Switches switches, String budgetKey) {
        if (switches.testing) {
            return;
        }
        try {
            spec.budget.onSuccess(budgetKey);
        } catch (Throwable budgetFailed) {
            Faults.rethrowIfVirtualMachineError(budgetFailed);
            Listeners.report(spec.budget, budgetFailed);
        }
    }

    /** Runs {@code attempt} under {@code spec} and the call's {@code switches}, judging each outcome. */
    public static <T extends @Nullable Object> T execute(
            RetrySpec spec, Judge<T> judge, Attempt<T> attempt, String budgetKey, Switches switches) throws Throwable {
        if (!switches.active) {
            return attempt.run(SingleAttempt.INSTANCE);
        }
        long start = startTime(spec, switches);
        onRequest(spec, switches, budgetKey);
        RetryState<T> state = new RetryState<>(spec, judge, switches, budgetKey, start);
        T result = null;
        Throwable failure = null;
        try {
            result = runAttempt(attempt, state);
        } catch (Permits.WaitInterrupted waiting) {
            // interrupted before the first attempt, waiting for a permit: what the client throws for an interrupt
            return interrupted(state, null, null, true, waiting);
        } catch (Throwable t) {
            failure = t;
        }
        return loop(state, attempt, result, failure);
    }

    /**
     * Continues a call whose first attempt ended with {@code firstResult} or {@code firstFailure}: the core
     * policy's slow path, where the retry state is first built.
     */
    public static <T extends @Nullable Object> T resume(
            RetrySpec spec,
            Judge<T> judge,
            Attempt<T> attempt,
            String budgetKey,
            Switches switches,
            long start,
            @Nullable T firstResult,
            @Nullable Throwable firstFailure)
            throws Throwable {
        RetryState<T> state = new RetryState<>(spec, judge, switches, budgetKey, start);
        return loop(state, attempt, firstResult, firstFailure);
    }

    private static <T extends @Nullable Object> T loop(
            RetryState<T> state, Attempt<T> attempt, @Nullable T firstResult, @Nullable Throwable firstFailure)
            throws Throwable {
        T result = firstResult;
        Throwable failure = firstFailure;
        for (; ; ) {
            Step step = state.settle(result, failure);
            if (step == Step.ACCEPT) {
                return resultOf(result);
            }
            if (step instanceof Step.Retry retry) {
                // an interrupted caller stops here: no retry is announced, logged or counted
                if (Thread.interrupted()) {
                    return interrupted(state, failure, result, false, new InterruptedException("interrupted"));
                }
                T kept = state.release(result);
                boolean usable = state.usable(failure, kept);
                if (usable && !state.waitFits(retry.waitNanos())) {
                    // releasing took the time the wait needed: end now with the real outcome, announce no retry
                    state.gaveUp(GiveUpReason.DEADLINE, failure, kept);
                    return endWith(state, failure, kept);
                }
                try {
                    waitFor(state, retry.waitNanos(), failure, result);
                } catch (InterruptedException interrupt) {
                    return interrupted(state, failure, result, true, interrupt);
                }
                if (usable && state.deadlinePassed()) {
                    // the wait ended late (a loaded machine): no attempt starts after the deadline
                    state.gaveUp(GiveUpReason.DEADLINE, failure, kept);
                    return endWith(state, failure, kept);
                }
                state.nextAttempt(retry.waitNanos());
                try {
                    result = runAttempt(attempt, state);
                    failure = null;
                } catch (Permits.WaitInterrupted waiting) {
                    // interrupted waiting for a permit: as an interrupted wait, with the last real outcome
                    return interrupted(state, failure, kept, true, waiting);
                } catch (Throwable t) {
                    result = null;
                    failure = t;
                }
                continue;
            }
            if (failure instanceof InterruptedException) {
                // the operation was interrupted: the caller's thread keeps its flag
                Thread.currentThread().interrupt();
            }
            state.gaveUp(failure, result);
            return endWith(state, failure, result);
        }
    }

    /** The call's end: the failure (earlier ones attached) is thrown, or the result returned. */
    private static <T extends @Nullable Object> T endWith(
            RetryState<T> state, @Nullable Throwable failure, @Nullable T result) throws Throwable {
        if (failure != null) {
            throw state.finalFailure(failure);
        }
        return resultOf(result);
    }

    /** Waits before the next attempt; the scope listeners opened is closed either way. */
    private static <T extends @Nullable Object> void waitFor(
            RetryState<T> state, long nanos, @Nullable Throwable failure, @Nullable T result) throws Throwable {
        RetryScope scope = state.retryScheduled(nanos, failure, result);
        try {
            if (state.testing()) {
                return; // testing mode: no wait at all
            }
            BooleanSupplier cancellation = state.judge().cancellation();
            if (cancellation == null) {
                state.timing().sleep(nanos);
            } else if (!state.timing().sleepUnless(nanos, cancellation)) {
                Throwable last = state.lastFailure();
                state.gaveUp(GiveUpReason.CANCELLED, last, null);
                throw state.judge().cancelled(last == null ? null : state.finalFailure(last));
            }
        } finally {
            Listeners.close(scope);
        }
    }

    /**
     * Keeps the interrupt flag, tells listeners, and ends the call: a failure is thrown as the judge says (core:
     * the failure itself, the interrupt attached); a result that is still the caller's is returned; otherwise the
     * judge's interrupt exception is thrown.
     */
    /**
     * Runs one attempt marked as this policy's (calls inside it do not retry on their own), holding a permit of the
     * concurrency limit, if any, waited for until the deadline at most.
     */
    private static <T extends @Nullable Object> T runAttempt(Attempt<T> attempt, RetryState<T> state) throws Throwable {
        RetrySpec spec = state.spec();
        RetrySpec outer = Nesting.enter(spec);
        try {
            Permits permits = spec.permits;
            return permits == null ? attempt.run(state) : permits.runBlocking(state.remainingNanos(), attempt, state);
        } finally {
            Nesting.exit(outer);
        }
    }

    private static <T extends @Nullable Object> T interrupted(
            RetryState<T> state,
            @Nullable Throwable failure,
            @Nullable T result,
            boolean released,
            InterruptedException interrupt)
            throws Throwable {
        Thread.currentThread().interrupt();
        state.gaveUp(GiveUpReason.INTERRUPTED, failure, result);
        if (failure == null && !state.judge().releasesResults()) {
            return resultOf(result); // releasing it was a no-op: the last result is still the caller's
        }
        if (failure == null && !released) {
            state.release(result); // thrown away: its connection must not leak
        }
        Throwable last = failure != null ? failure : state.lastFailure();
        throw state.judge().interrupted(last == null ? null : state.finalFailure(last), interrupt);
    }

    @SuppressWarnings("NullAway") // a result that was accepted or retried is the attempt's own value
    private static <T extends @Nullable Object> T resultOf(@Nullable T result) {
        return result;
    }
}
