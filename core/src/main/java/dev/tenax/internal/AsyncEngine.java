package dev.tenax.internal;

import dev.tenax.ContextPropagator;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryScope;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs attempts as completion stages and times the waits on a scheduler, so no thread is parked while a call
 * waits. The scheduler only times: each next attempt starts on the policy's executor (see {@link
 * DefaultExecutor}), never on the scheduler's thread.
 *
 * <p><b>Every returned future completes exactly once</b>, whatever user code does: a rule, budget, listener or
 * attempt that throws, a scheduler or executor that rejects or drops the wait (see {@link Wait}), a stage that
 * calls back twice, a caller who cancels or completes the future at any moment. Cancelling (or completing) the
 * returned future cancels the pending wait and the attempt in flight; no attempt starts after that, and one
 * give-up event says so.
 *
 * <p>Ownership: the retry state is touched only by the current <em>owner</em> — the thread that judges an
 * attempt's outcome or starts the next attempt — which takes {@link #owner} from {@code IDLE} to {@code BUSY} and
 * gives it back. An outside completion of the future while nobody owns the state ends the call at once; while
 * somebody does, it is noted ({@code BUSY_ENDED_OUTSIDE}) and the owner ends the call when it lets go (or before
 * it starts an attempt). So the state needs no lock, and no event is lost between two threads.
 *
 * <p>Context: the caller's context ({@link CallContext}) is captured when the engine is made, on the caller's
 * thread, and put in place around every entry from another thread (an attempt's outcome, the next attempt, a
 * failed hand-off, an outside completion), so that listeners, later attempts and the future's completion see it;
 * each entry puts back what its thread had.
 */
public final class AsyncEngine<T extends @Nullable Object> {
    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int BUSY_ENDED_OUTSIDE = 2;
    private static final int DONE = 3;

    private final RetrySpec spec;
    private final AsyncAttempt<T> attempt;
    private final RetryState<T> state;
    private final Executor executor;
    private final CallContext context;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    /** The creating thread owns the state first. */
    private final AtomicInteger owner = new AtomicInteger(BUSY);

    private final AtomicReference<@Nullable Wait> pendingWait = new AtomicReference<>();
    private final AtomicReference<@Nullable CompletionStage<T>> inFlight = new AtomicReference<>();
    private final AtomicReference<@Nullable RetryScope> scope = new AtomicReference<>();

    // written and read by owners only (each ordered after the previous by the owner CAS)
    private long currentWait;
    private @Nullable T lastResult;
    private boolean lastWasResult;
    /** Whether the last outcome can still end the call (a failure, or a result the release kept). */
    private boolean lastUsable;

    /** The thread inside {@link #startNext}, so that a retry handed back on the same stack is queued, not nested. */
    private volatile @Nullable Thread startingOn;

    private @Nullable Wait deferred;

    private AsyncEngine(RetrySpec spec, AsyncAttempt<T> attempt, RetryState<T> state, Executor executor) {
        this.spec = spec;
        this.attempt = attempt;
        this.state = state;
        this.executor = executor;
        this.context = CallContext.capture(spec);
    }

    /**
     * Starts the call; the returned future completes with the accepted result or the final failure.
     *
     * @param clientExecutor where the client runs its own callbacks, used for retries when the policy names no
     *     executor; {@code null} when the client has none
     */
    public static <T extends @Nullable Object> CompletableFuture<T> execute(
            RetrySpec spec,
            Judge<T> judge,
            AsyncAttempt<T> attempt,
            String budgetKey,
            Switches switches,
            @Nullable Executor clientExecutor) {
        if (!switches.active) {
            return startOnce(attempt);
        }
        long start = BlockingEngine.startTime(spec, switches);
        BlockingEngine.onRequest(spec, switches, budgetKey);
        AsyncEngine<T> engine = create(spec, judge, attempt, budgetKey, switches, start, clientExecutor);
        engine.follow(engine.startGuarded());
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
        AsyncEngine<T> engine = create(spec, judge, attempt, budgetKey, switches, start, null);
        engine.follow(firstStage);
        return engine.result;
    }

    private static <T extends @Nullable Object> AsyncEngine<T> create(
            RetrySpec spec,
            Judge<T> judge,
            AsyncAttempt<T> attempt,
            String budgetKey,
            Switches switches,
            long start,
            @Nullable Executor clientExecutor) {
        AsyncEngine<T> engine = new AsyncEngine<>(
                spec,
                attempt,
                new RetryState<>(spec, judge, switches, budgetKey, start),
                spec.executor(clientExecutor));
        // the dependent future is not needed: the callback only reacts to an outside completion
        CompletableFuture<T> unused = engine.result.whenComplete((value, failure) -> engine.resultCompleted());
        return engine;
    }

    private static <T extends @Nullable Object> CompletableFuture<T> startOnce(AsyncAttempt<T> attempt) {
        try {
            CompletionStage<T> stage = attempt.start(SingleAttempt.INSTANCE);
            if (stage == null) {
                return CompletableFuture.failedFuture(new NullPointerException("operation returned a null stage"));
            }
            return stage.toCompletableFuture();
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
    }

    /** Starts an attempt (as owner); whatever it throws becomes its failed stage. */
    private CompletionStage<T> startGuarded() {
        RetrySpec outer = Nesting.enter(spec);
        try {
            Permits permits = spec.permits;
            CompletionStage<T> stage = permits == null
                    ? attempt.start(state)
                    // a queued attempt starts on whichever thread frees a permit: inside the call's context
                    : permits.startAsync(
                            spec, executor, state.remainingNanos(), context.around(() -> attempt.start(state)));
            return stage != null
                    ? stage
                    : CompletableFuture.failedFuture(new NullPointerException("operation returned a null stage"));
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        } finally {
            Nesting.exit(outer);
        }
    }

    /** Publishes the attempt in flight, lets go of the state, and waits for the attempt's outcome. */
    private void follow(CompletionStage<T> stage) {
        inFlight.set(stage);
        leave();
        AttemptEnd end = new AttemptEnd();
        if (spec.attemptTimeoutNanos >= 0 && !state.judge().clientTimesAttempts()) {
            end.timeOut(stage, state.attemptNumber(), state.timeoutNanos());
        }
        try {
            stage.whenComplete(end);
        } catch (Throwable hostileStage) {
            // a stage that cannot even take a callback will never tell us its outcome
            end.accept(null, hostileStage);
        }
    }

    /** An attempt's outcome, accepted once: a stage that calls back twice cannot judge one attempt twice. */
    private final class AttemptEnd extends AtomicBoolean implements BiConsumer<T, Throwable> {
        private static final long serialVersionUID = 1L;
        private transient volatile @Nullable Future<?> timer;

        @Override
        public void accept(@Nullable T value, @Nullable Throwable thrown) {
            if (compareAndSet(false, true)) {
                Future<?> t = timer;
                if (t != null) {
                    t.cancel(false);
                }
                attemptCompleted(value, thrown);
            }
        }

        /**
         * Ends the attempt with a {@link TimeoutException} after {@code nanos} unless it ended first, and cancels
         * its stage so that the operation can stop its work.
         */
        void timeOut(CompletionStage<T> stage, int attemptNumber, long nanos) {
            try {
                // real time on purpose, not spec.timing: the attempt runs in real time, and VirtualTime fires its
                // timers at once, which would expire every attempt
                timer = spec.scheduler()
                        .schedule(
                                () -> {
                                    if (get()) {
                                        return;
                                    }
                                    Runnable expire = () -> expire(stage, attemptNumber, nanos);
                                    try {
                                        // the call goes on where retries run, never on the scheduler's thread
                                        executor.execute(expire);
                                    } catch (Throwable rejected) {
                                        Faults.rethrowIfVirtualMachineError(rejected);
                                        expire.run();
                                    }
                                },
                                nanos,
                                TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shutDown) {
                // a scheduler that is shut down cannot time the attempt; the call's own wait reports it later
            }
        }

        private void expire(CompletionStage<T> stage, int attemptNumber, long nanos) {
            if (!compareAndSet(false, true)) {
                return; // the attempt ended first
            }
            try {
                // claimed first: the stage's own callback (a CancellationException) is then ignored
                stage.toCompletableFuture().cancel(true);
            } catch (Throwable hostileStage) {
                Faults.rethrowIfVirtualMachineError(hostileStage); // it simply keeps running, unobserved
            }
            attemptCompleted(
                    null,
                    new TimeoutException("attempt " + attemptNumber + " took longer than " + Duration.ofNanos(nanos)
                            + " (attemptTimeout, or the time left)"));
        }
    }

    private void attemptCompleted(@Nullable T value, @Nullable Throwable thrown) {
        // on the client's thread that completed the attempt: the listeners and the future's completion need the
        // caller's context there
        try (ContextPropagator.Scope restored = context.restore()) {
            judgeCompleted(value, thrown);
        }
    }

    private void judgeCompleted(@Nullable T value, @Nullable Throwable thrown) {
        inFlight.set(null);
        Throwable failure = unwrap(thrown);
        if (!acquire()) {
            // the call ended meanwhile (cancelled): nobody will read this outcome
            if (failure == null) {
                state.release(value);
            }
            return;
        }
        try {
            attemptEnded(failure == null ? value : null, failure);
        } catch (Throwable fault) {
            fail(fault, GiveUpReason.NOT_RETRYABLE);
        }
    }

    private void attemptEnded(@Nullable T outcome, @Nullable Throwable failure) {
        Step step = state.settle(outcome, failure);
        if (step == Step.ACCEPT) {
            finish(outcome, null);
            return;
        }
        if (step instanceof Step.Retry retry) {
            lastWasResult = failure == null;
            lastResult = failure == null ? state.release(outcome) : null;
            lastUsable = state.usable(failure, lastResult);
            if (lastUsable && !state.waitFits(retry.waitNanos())) {
                // releasing took the time the wait needed: end now with the real outcome, announce no retry
                giveUpWithLastOutcome(GiveUpReason.DEADLINE, null);
                return;
            }
            scope.set(state.retryScheduled(retry.waitNanos(), failure, outcome));
            currentWait = retry.waitNanos();
            Wait wait = new Wait(this, spec, executor, state.deadlineNanoTime());
            pendingWait.set(wait);
            leave();
            // from here on the state is not ours: the wait (or whoever ends the call) takes it next
            wait.start(retry.waitNanos(), state.testing());
            return;
        }
        state.gaveUp(failure, outcome);
        finish(outcome, failure == null ? null : state.finalFailure(failure));
    }

    /** The wait is over and the hand-off won: start the next attempt (on the executor's thread). */
    void startNext(Wait wait) {
        if (startingOn == Thread.currentThread()) {
            // handed back on the stack of an attempt that completed at once: run it when that stack unwinds
            deferred = wait;
            return;
        }
        startingOn = Thread.currentThread();
        try (ContextPropagator.Scope restored = context.restore()) {
            Wait next = wait;
            while (next != null) {
                startAttempt(next);
                next = deferred;
                deferred = null;
            }
        } finally {
            startingOn = null;
        }
    }

    private void startAttempt(Wait wait) {
        if (!acquire()) {
            return;
        }
        pendingWait.compareAndSet(wait, null);
        CompletionStage<T> stage;
        try {
            Listeners.close(scope.getAndSet(null));
            if (result.isDone()) {
                // ended by the caller while the scope closed: no attempt after a cancel
                leave();
                return;
            }
            if (lastUsable && state.deadlinePassed()) {
                // the wait ended late (a busy executor): no attempt starts after the deadline
                giveUpWithLastOutcome(GiveUpReason.DEADLINE, null);
                return;
            }
            state.nextAttempt(currentWait);
            lastResult = null;
            stage = startGuarded();
        } catch (Throwable fault) {
            fail(fault, GiveUpReason.NOT_RETRYABLE);
            return;
        }
        follow(stage);
    }

    /**
     * The wait could not lead to an attempt: its scheduler or executor rejected it or was shut down with it
     * pending, or the deadline passed before it started. Ends the call with the last outcome, the cause attached.
     * Runs on Tenax's own executor, so that listeners and the caller's dependent stages never run on a scheduler
     * thread.
     */
    void handOffFailed(Wait wait, Throwable cause, GiveUpReason reason) {
        try {
            DefaultExecutor.get().execute(() -> endAfterHandOff(wait, cause, reason));
        } catch (Throwable impossible) {
            endAfterHandOff(wait, cause, reason);
        }
    }

    private void endAfterHandOff(Wait wait, Throwable cause, GiveUpReason reason) {
        try (ContextPropagator.Scope restored = context.restore()) {
            endHandOffRestored(wait, cause, reason);
        }
    }

    private void endHandOffRestored(Wait wait, Throwable cause, GiveUpReason reason) {
        if (!acquire()) {
            return;
        }
        pendingWait.compareAndSet(wait, null);
        if (cause instanceof VirtualMachineError) {
            fail(cause, reason); // propagates as itself
            return;
        }
        RejectedExecutionException rejected = cause instanceof RejectedExecutionException r
                ? r
                : new RejectedExecutionException(
                        "the wait before retry " + state.attemptNumber() + " was dropped", cause);
        try {
            Listeners.close(scope.getAndSet(null));
            giveUpWithLastOutcome(reason, rejected);
        } catch (Throwable fault) {
            fail(fault, reason);
        }
    }

    /**
     * Ends the call (as owner) with the last attempt's outcome: its result when it gave one that is still usable,
     * else its failure with {@code cause} attached, else {@code cause} itself.
     */
    private void giveUpWithLastOutcome(GiveUpReason reason, @Nullable Throwable cause) {
        if (lastWasResult && lastUsable) {
            T value = lastResult;
            safeGaveUp(reason, null, value);
            finish(value, null);
            return;
        }
        Throwable last = lastWasResult ? null : state.lastFailure();
        if (last == null) {
            Throwable outcome = cause != null ? cause : new IllegalStateException("no outcome to return");
            safeGaveUp(reason, null, null);
            finish(null, outcome);
            return;
        }
        if (cause != null) {
            Faults.attach(last, cause);
        }
        safeGaveUp(reason, last, null);
        finish(null, state.finalFailure(last));
    }

    /** Ends the call (as owner) because of {@code fault}: the last failure, the fault attached, or the fault. */
    private void fail(Throwable fault, GiveUpReason reason) {
        Throwable last = state.lastFailure();
        Throwable outcome;
        if (last == null || fault instanceof VirtualMachineError) {
            outcome = fault;
        } else {
            Faults.attach(last, fault);
            outcome = state.finalFailure(last);
        }
        safeGaveUp(reason, last, null); // once per call: a no-op if the give-up was already told
        finish(null, outcome);
    }

    private void safeGaveUp(GiveUpReason reason, @Nullable Throwable failure, @Nullable T value) {
        try {
            state.gaveUp(reason, failure, value);
        } catch (Throwable ignored) {
            // the give-up event is best effort here: the future must complete
        }
    }

    /** Completes the call (as owner), exactly once. */
    private void finish(@Nullable T value, @Nullable Throwable failure) {
        owner.set(DONE);
        Listeners.close(scope.getAndSet(null));
        boolean completed = failure == null ? result.complete(value) : result.completeExceptionally(failure);
        if (!completed && failure == null) {
            state.release(value); // completed outside meanwhile: nobody will read it
        }
    }

    /** The returned future completed: by us (nothing to do), or by the caller (cancel or complete). */
    private void resultCompleted() {
        // mark the call ended first: cancelling the stage below may call back on this very thread
        boolean ownIt = false;
        for (; ; ) {
            int s = owner.get();
            if (s == DONE || s == BUSY_ENDED_OUTSIDE) {
                break;
            }
            if (s == IDLE && owner.compareAndSet(IDLE, DONE)) {
                ownIt = true;
                break;
            }
            if (s == BUSY && owner.compareAndSet(BUSY, BUSY_ENDED_OUTSIDE)) {
                break; // the owner ends the call when it lets go
            }
        }
        cancelPending();
        if (ownIt) {
            endedOutside();
        }
    }

    private boolean acquire() {
        return owner.compareAndSet(IDLE, BUSY);
    }

    /** Lets go of the state; if the caller ended the call meanwhile, ends it now. */
    private void leave() {
        if (owner.compareAndSet(BUSY, IDLE)) {
            return;
        }
        if (owner.compareAndSet(BUSY_ENDED_OUTSIDE, DONE)) {
            cancelPending();
            endedOutside();
        }
        // DONE: the owner already finished the call
    }

    /** The caller ended the call; we own the state and the call. */
    private void endedOutside() {
        try (ContextPropagator.Scope restored = context.restore()) {
            Listeners.close(scope.getAndSet(null));
            safeGaveUp(GiveUpReason.CANCELLED, state.lastFailure(), null);
        }
    }

    private void cancelPending() {
        Wait wait = pendingWait.getAndSet(null);
        if (wait != null) {
            wait.cancel();
        }
        CompletionStage<T> stage = inFlight.getAndSet(null);
        if (stage != null) {
            cancel(stage);
        }
    }

    private static void cancel(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().cancel(true);
        } catch (Throwable notCancellable) {
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
