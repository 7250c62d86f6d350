package dev.tenax.internal;

import dev.tenax.GiveUpReason;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
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
    private final RetryState<T> state;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private final AtomicReference<@Nullable Future<?>> pendingWait = new AtomicReference<>();
    private final AtomicReference<@Nullable CompletionStage<T>> inFlight = new AtomicReference<>();
    private final AtomicReference<dev.tenax.@Nullable RetryScope> scope = new AtomicReference<>();
    private long currentWait;

    private AsyncEngine(RetrySpec spec, Judge<T> judge, AsyncAttempt<T> attempt, RetryState<T> state) {
        this.spec = spec;
        this.judge = judge;
        this.attempt = attempt;
        this.state = state;
    }

    /** Starts the call; the returned future completes with the accepted result or the final failure. */
    public static <T extends @Nullable Object> CompletableFuture<T> execute(
            RetrySpec spec, Judge<T> judge, AsyncAttempt<T> attempt, String budgetKey) {
        Switches switches = Switches.current();
        if (!switches.active) {
            return startOnce(attempt);
        }
        long start = BlockingEngine.startTime(spec, switches);
        if (!switches.testing) {
            spec.budget.onRequest(budgetKey);
        }
        AsyncEngine<T> engine = create(spec, judge, attempt, budgetKey, switches, start);
        engine.startAttempt();
        return engine.result;
    }

    /**
     * Continues a call whose first attempt the caller already started (the core policy's fast path, which
     * returns a first stage that succeeded at once without building any of this).
     */
    public static <T extends @Nullable Object> CompletableFuture<T> resume(
            RetrySpec spec,
            Judge<T> judge,
            AsyncAttempt<T> attempt,
            String budgetKey,
            Switches switches,
            long start,
            CompletionStage<T> firstStage) {
        AsyncEngine<T> engine = create(spec, judge, attempt, budgetKey, switches, start);
        engine.follow(firstStage);
        return engine.result;
    }

    private static <T extends @Nullable Object> AsyncEngine<T> create(
            RetrySpec spec, Judge<T> judge, AsyncAttempt<T> attempt, String budgetKey, Switches switches, long start) {
        AsyncEngine<T> engine =
                new AsyncEngine<>(spec, judge, attempt, new RetryState<>(spec, judge, switches, budgetKey, start));
        // the dependent future is not needed: the callback only reacts to cancellation
        CompletableFuture<T> unused = engine.result.whenComplete((value, failure) -> {
            if (engine.result.isCancelled()) {
                engine.cancelled();
            }
        });
        return engine;
    }

    private static <T extends @Nullable Object> CompletableFuture<T> startOnce(AsyncAttempt<T> attempt) {
        try {
            return attempt.start(SingleAttempt.INSTANCE).toCompletableFuture();
        } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void startAttempt() {
        if (result.isDone()) {
            return;
        }
        CompletionStage<T> stage;
        try {
            stage = attempt.start(state);
            if (stage == null) {
                stage = CompletableFuture.failedFuture(new NullPointerException("attempt returned a null stage"));
            }
        } catch (RuntimeException | Error e) {
            stage = CompletableFuture.failedFuture(e);
        }
        follow(stage);
    }

    private void follow(CompletionStage<T> stage) {
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
        T outcome = failure == null ? value : null;
        long decision = state.settle(outcome, failure);
        if (decision == RetryState.ACCEPTED) {
            deliver(value);
            return;
        }
        if (decision == RetryState.GIVE_UP) {
            state.gaveUp(failure, outcome);
            if (failure != null) {
                result.completeExceptionally(state.finalFailure(failure));
            } else {
                deliver(value);
            }
            return;
        }
        if (failure == null) {
            judge.release(value);
        }
        scope.set(state.retryScheduled(decision, failure, outcome));
        currentWait = decision;
        try {
            Future<?> wait = spec.timing.schedule(spec.scheduler(), this, decision);
            pendingWait.set(wait);
            if (result.isDone()) {
                wait.cancel(false);
            }
        } catch (RejectedExecutionException shutDown) {
            Listeners.close(scope.getAndSet(null));
            Throwable last = state.lastFailure();
            if (last != null) {
                last.addSuppressed(shutDown);
                result.completeExceptionally(state.finalFailure(last));
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
        if (result.isDone()) {
            return;
        }
        state.nextAttempt(currentWait);
        startAttempt();
    }

    private void deliver(T value) {
        if (!result.complete(value)) {
            judge.release(value); // cancelled meanwhile: nobody will read it
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
        state.gaveUp(GiveUpReason.CANCELLED, state.lastFailure(), null);
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
