package dev.tenax.internal;

import dev.tenax.GiveUpReason;
import dev.tenax.RetryScope;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs attempts on the calling thread and waits between them with {@link Timing#sleep}, which a virtual thread
 * unmounts for (no monitor is held while waiting).
 */
public final class BlockingEngine {
    private BlockingEngine() {}

    /** Reads the clock only when a deadline will need it, so a call without timeout pays nothing for it. */
    public static long startTime(RetrySpec spec, Switches switches) {
        return spec.hasTimeout() && !switches.testing ? spec.timing.nanoTime() : RetryState.UNKNOWN_START;
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
            result = attempt.run(state);
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
                state.release(result);
                waitFor(state, retry.waitNanos(), failure, result);
                state.nextAttempt(retry.waitNanos());
                try {
                    result = attempt.run(state);
                    failure = null;
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
            if (failure != null) {
                throw state.finalFailure(failure);
            }
            return resultOf(result);
        }
    }

    private static <T extends @Nullable Object> void waitFor(
            RetryState<T> state, long nanos, @Nullable Throwable failure, @Nullable T result) throws Throwable {
        // an interrupted caller stops here: no retry is announced, logged or counted
        if (Thread.interrupted()) {
            throw interrupted(state, new InterruptedException("interrupted before retry"));
        }
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
        } catch (InterruptedException interrupt) {
            throw interrupted(state, interrupt);
        } finally {
            Listeners.close(scope);
        }
    }

    /** Keeps the interrupt flag, tells listeners, and builds what the call throws. */
    private static <T extends @Nullable Object> Throwable interrupted(
            RetryState<T> state, InterruptedException interrupt) {
        Thread.currentThread().interrupt();
        Throwable last = state.lastFailure();
        state.gaveUp(GiveUpReason.INTERRUPTED, last, null);
        return state.judge().interrupted(last == null ? null : state.finalFailure(last), interrupt);
    }

    @SuppressWarnings("NullAway") // a result that was accepted or retried is the attempt's own value
    private static <T extends @Nullable Object> T resultOf(@Nullable T result) {
        return result;
    }
}
