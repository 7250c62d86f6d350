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

    /** Runs {@code attempt} under {@code spec}, judging each outcome with {@code judge}. */
    public static <T extends @Nullable Object> T execute(
            RetrySpec spec, Judge<T> judge, Attempt<T> attempt, String budgetKey) throws Throwable {
        Switches switches = Switches.current();
        if (!switches.active) {
            return attempt.run(SingleAttempt.INSTANCE);
        }
        long start = startTime(spec, switches);
        if (!switches.testing) {
            spec.budget.onRequest(budgetKey);
        }
        RetryState<T> state = new RetryState<>(spec, judge, switches, budgetKey, start);
        return loop(state, judge, attempt, null, null, false);
    }

    /**
     * Continues a call whose first attempt failed with {@code firstFailure}: the core policy's slow path, where
     * the retry state is first built.
     */
    public static <T extends @Nullable Object> T resume(
            RetrySpec spec,
            Judge<T> judge,
            Attempt<T> attempt,
            String budgetKey,
            Switches switches,
            long start,
            Throwable firstFailure)
            throws Throwable {
        RetryState<T> state = new RetryState<>(spec, judge, switches, budgetKey, start);
        return loop(state, judge, attempt, null, firstFailure, true);
    }

    private static <T extends @Nullable Object> T loop(
            RetryState<T> state,
            Judge<T> judge,
            Attempt<T> attempt,
            @Nullable T firstResult,
            @Nullable Throwable firstFailure,
            boolean firstDone)
            throws Throwable {
        T result = firstResult;
        Throwable failure = firstFailure;
        boolean done = firstDone;
        for (; ; ) {
            if (!done) {
                try {
                    result = attempt.run(state);
                    failure = null;
                } catch (Throwable t) {
                    result = null;
                    failure = t;
                }
            }
            done = false;
            long decision = state.settle(result, failure);
            if (decision == RetryState.ACCEPTED) {
                return resultOf(result);
            }
            if (decision == RetryState.GIVE_UP) {
                state.gaveUp(failure, result);
                if (failure != null) {
                    throw state.finalFailure(failure);
                }
                return resultOf(result);
            }
            if (failure == null) {
                judge.release(resultOf(result));
            }
            waitFor(state, judge, decision, failure, result);
            state.nextAttempt(decision);
        }
    }

    private static <T extends @Nullable Object> void waitFor(
            RetryState<T> state, Judge<T> judge, long nanos, @Nullable Throwable failure, @Nullable T result)
            throws Throwable {
        // an interrupted caller stops here: no retry is announced, logged or counted
        if (Thread.interrupted()) {
            throw interrupted(state, judge, new InterruptedException("interrupted before retry"));
        }
        RetryScope scope = state.retryScheduled(nanos, failure, result);
        try {
            BooleanSupplier cancellation = judge.cancellation();
            if (cancellation == null) {
                if (nanos > 0) {
                    state.timing().sleep(nanos);
                }
            } else if (!state.timing().sleepUnless(nanos, cancellation)) {
                Throwable last = state.lastFailure();
                state.gaveUp(GiveUpReason.CANCELLED, last, null);
                throw judge.cancelled(last == null ? null : state.finalFailure(last));
            }
        } catch (InterruptedException interrupt) {
            throw interrupted(state, judge, interrupt);
        } finally {
            Listeners.close(scope);
        }
    }

    /** Keeps the interrupt flag, tells listeners, and builds what the call throws. */
    private static <T extends @Nullable Object> Throwable interrupted(
            RetryState<T> state, Judge<T> judge, InterruptedException interrupt) {
        Thread.currentThread().interrupt();
        Throwable last = state.lastFailure();
        state.gaveUp(GiveUpReason.INTERRUPTED, last, null);
        return judge.interrupted(last == null ? null : state.finalFailure(last), interrupt);
    }

    @SuppressWarnings("NullAway") // a result that was accepted or retried is the attempt's own value
    private static <T extends @Nullable Object> T resultOf(@Nullable T result) {
        return result;
    }
}
