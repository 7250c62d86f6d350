package dev.tenax.internal;

import dev.tenax.GiveUpReason;
import dev.tenax.RetryScope;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs attempts as completion stages and times the waits on a scheduler, so no thread is parked while a call
 * waits. Cancelling the returned future cancels the pending wait and the attempt in flight; no attempt starts
 * after that.
 *
 * <p>Each attempt completes before the next is started, and each callback is ordered after the previous one by
 * the future that triggered it, so the retry state needs no lock.
 */
public final class AsyncEngine<T extends @Nullable Object> implements BiConsumer<T, Throwable>, Runnable {
    private final RetrySpec spec;
    private final Judge<T> judge;
    private final AsyncAttempt<T> attempt;
    private final String budgetKey;
    private final Switches switches;
    private final long start;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private final AtomicReference<@Nullable Future<?>> pendingWait = new AtomicReference<>();
    private final AtomicReference<@Nullable CompletionStage<T>> inFlight = new AtomicReference<>();
    private final AtomicReference<@Nullable RetryScope> scope = new AtomicReference<>();
    private volatile @Nullable RetryState<T> state;
    private long currentWait;

    private AsyncEngine(RetrySpec spec, Judge<T> judge, AsyncAttempt<T> attempt, String budgetKey, Switches switches) {
        this.spec = spec;
        this.judge = judge;
        this.attempt = attempt;
        this.budgetKey = budgetKey;
        this.switches = switches;
        this.start = BlockingEngine.startTime(spec, switches);
    }

    /** Starts the call; the returned future completes with the accepted result or the final failure. */
    public static <T extends @Nullable Object> CompletableFuture<T> execute(
            RetrySpec spec, Judge<T> judge, AsyncAttempt<T> attempt, String budgetKey) {
        Switches switches = Switches.current();
        if (!switches.active) {
            return startOnce(attempt);
        }
        if (!switches.testing) {
            spec.budget.onRequest(budgetKey);
        }
        AsyncEngine<T> engine = new AsyncEngine<>(spec, judge, attempt, budgetKey, switches);
        // the dependent future is not needed: the callback only reacts to cancellation
        CompletableFuture<T> unused = engine.result.whenComplete((value, failure) -> {
            if (engine.result.isCancelled()) {
                engine.cancelled();
            }
        });
        engine.startAttempt(engine.start == RetryState.UNKNOWN_START ? Long.MAX_VALUE : spec.timeoutNanos);
        return engine.result;
    }

    private static <T extends @Nullable Object> CompletableFuture<T> startOnce(AsyncAttempt<T> attempt) {
        try {
            return attempt.start(Long.MAX_VALUE).toCompletableFuture();
        } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void startAttempt(long remainingNanos) {
        if (result.isDone()) {
            return;
        }
        CompletionStage<T> stage;
        try {
            stage = attempt.start(remainingNanos);
            if (stage == null) {
                stage = CompletableFuture.failedFuture(new NullPointerException("attempt returned a null stage"));
            }
        } catch (RuntimeException | Error e) {
            stage = CompletableFuture.failedFuture(e);
        }
        inFlight.set(stage);
        if (result.isCancelled()) {
            cancel(stage);
        }
        stage.whenComplete(this);
    }

    /** An attempt completed. */
    @Override
    public void accept(T value, @Nullable Throwable thrown) {
        inFlight.set(null);
        Throwable failure = unwrap(thrown);
        if (result.isDone()) {
            if (failure == null) {
                judge.release(value);
            }
            return;
        }
        Verdict verdict = failure == null ? judge.judgeResult(value) : judge.judgeFailure(failure);
        if (failure == null && verdict == Verdict.ACCEPT) {
            if (!result.complete(value)) {
                judge.release(value);
            }
            return;
        }
        RetryState<T> current = state;
        if (current == null) {
            current = new RetryState<>(spec, judge, switches, budgetKey, start);
            state = current;
        }
        long decision = current.decide(verdict, failure);
        if (decision == RetryState.GIVE_UP) {
            current.gaveUp(current.reason(), failure, failure == null ? value : null, verdict.serverWaitNanos);
            complete(current, failure, value);
            return;
        }
        if (failure == null) {
            judge.release(value);
        }
        scope.set(current.retryScheduled(decision, failure, failure == null ? value : null));
        currentWait = decision;
        try {
            Future<?> wait = spec.scheduler().schedule(this, decision, TimeUnit.NANOSECONDS);
            pendingWait.set(wait);
            if (result.isDone()) {
                wait.cancel(false);
            }
        } catch (RejectedExecutionException shutDown) {
            Listeners.close(scope.getAndSet(null));
            Throwable last = current.lastFailure();
            if (last != null) {
                last.addSuppressed(shutDown);
                result.completeExceptionally(current.finalFailure(last));
            } else {
                result.completeExceptionally(shutDown);
            }
        }
    }

    /** The wait is over: start the next attempt. */
    @Override
    public void run() {
        pendingWait.set(null);
        Listeners.close(scope.getAndSet(null));
        RetryState<T> current = state;
        if (current == null || result.isDone()) {
            return;
        }
        current.nextAttempt(currentWait);
        startAttempt(current.remainingNanos());
    }

    private void complete(RetryState<T> current, @Nullable Throwable failure, T value) {
        if (failure != null) {
            result.completeExceptionally(current.finalFailure(failure));
        } else if (!result.complete(value)) {
            judge.release(value);
        }
    }

    private void cancelled() {
        Future<?> wait = pendingWait.getAndSet(null);
        if (wait != null) {
            wait.cancel(false);
        }
        CompletionStage<T> stage = inFlight.getAndSet(null);
        if (stage != null) {
            cancel(stage);
        }
        Listeners.close(scope.getAndSet(null));
        RetryState<T> current = state;
        if (current != null) {
            current.gaveUp(GiveUpReason.CANCELLED, current.lastFailure(), null, -1);
        }
    }

    private static void cancel(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().cancel(true);
        } catch (UnsupportedOperationException notCancellable) {
            // a stage that cannot be converted cannot be cancelled either; its outcome is discarded on arrival
        }
    }

    private static @Nullable Throwable unwrap(@Nullable Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
