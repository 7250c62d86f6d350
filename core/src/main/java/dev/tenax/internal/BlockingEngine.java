package dev.tenax.internal;

import dev.tenax.GiveUpReason;
import dev.tenax.RetryScope;
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
            return attempt.run(Long.MAX_VALUE);
        }
        long start = startTime(spec, switches);
        if (!switches.testing) {
            spec.budget.onRequest(budgetKey);
        }
        T result;
        try {
            result = attempt.run(start == RetryState.UNKNOWN_START ? Long.MAX_VALUE : spec.timeoutNanos);
        } catch (Throwable failure) {
            return resume(spec, judge, attempt, budgetKey, switches, start, judge.judgeFailure(failure), failure, null);
        }
        Verdict verdict = judge.judgeResult(result);
        if (verdict == Verdict.ACCEPT) {
            return result;
        }
        return resume(spec, judge, attempt, budgetKey, switches, start, verdict, null, result);
    }

    /**
     * Continues a call whose first attempt did not succeed: the slow path, where the retry state is built.
     * Exactly one of {@code failure} and {@code result} describes the first attempt.
     */
    public static <T extends @Nullable Object> T resume(
            RetrySpec spec,
            Judge<T> judge,
            Attempt<T> attempt,
            String budgetKey,
            Switches switches,
            long start,
            Verdict firstVerdict,
            @Nullable Throwable firstFailure,
            @Nullable T firstResult)
            throws Throwable {
        RetryState<T> state = new RetryState<>(spec, judge, switches, budgetKey, start);
        Verdict verdict = firstVerdict;
        Throwable failure = firstFailure;
        T result = firstResult;
        for (; ; ) {
            long decision = state.decide(verdict, failure);
            if (decision == RetryState.GIVE_UP) {
                state.gaveUp(state.reason(), failure, result, verdict.serverWaitNanos);
                return finish(state, failure, result);
            }
            if (failure == null) {
                release(judge, result);
            }
            RetryScope scope = state.retryScheduled(decision, failure, result);
            try {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted before retry");
                }
                if (decision > 0) {
                    spec.timing.sleep(decision);
                }
            } catch (InterruptedException interrupt) {
                Listeners.close(scope);
                Thread.currentThread().interrupt();
                Throwable last = state.lastFailure();
                state.gaveUp(GiveUpReason.INTERRUPTED, last, null, -1);
                throw judge.interrupted(last == null ? null : state.finalFailure(last), interrupt);
            }
            Listeners.close(scope);
            state.nextAttempt(decision);
            try {
                result = attempt.run(state.remainingNanos());
                failure = null;
                verdict = judge.judgeResult(result);
                if (verdict == Verdict.ACCEPT) {
                    return result;
                }
            } catch (Throwable next) {
                failure = next;
                result = null;
                verdict = judge.judgeFailure(next);
            }
        }
    }

    @SuppressWarnings("NullAway") // without a failure, result is the attempt's own value (null only if T allows it)
    private static <T extends @Nullable Object> void release(Judge<T> judge, @Nullable T result) {
        judge.release(result);
    }

    @SuppressWarnings("NullAway") // exactly one of failure and result describes the last attempt
    private static <T extends @Nullable Object> T finish(
            RetryState<T> state, @Nullable Throwable failure, @Nullable T result) throws Throwable {
        if (failure != null) {
            throw state.finalFailure(failure);
        }
        return result;
    }
}
