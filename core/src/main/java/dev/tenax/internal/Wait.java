package dev.tenax.internal;

import dev.tenax.GiveUpReason;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One asynchronous wait between two attempts, from its timer to the hand-off of the next attempt to the executor.
 * Exactly one of three things ends it: the next attempt starts, the call is cancelled, or the hand-off fails.
 *
 * <p>A scheduler or executor of the user's may reject the task (then the call ends at once) or accept it and
 * drop it later ({@code shutdownNow()} returns queued tasks without running or cancelling them), or never run it
 * at all. Nothing tells anyone, so when the policy has a scheduler or executor of its own, a watch on Tenax's
 * scheduler looks every {@value #CHECK_SECONDS} s, until the next attempt starts, whether the task can still run:
 * if its scheduler or executor has terminated (or cancelled it) the call ends ({@code SHUTDOWN}), and once the
 * call's deadline has passed the call ends too ({@code DEADLINE}), both with the last failure and a
 * {@link RejectedExecutionException} attached. (A plain {@link Executor} that drops tasks, under a policy without
 * a timeout, cannot be detected: no watch is kept for it.) Tenax's own scheduler and executor are never shut down,
 * so they need no watch.
 */
final class Wait implements Runnable {
    static final long CHECK_SECONDS = 1;
    private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(CHECK_SECONDS);

    private static final int WAITING = 0;
    private static final int HANDED_OVER = 1;
    private static final int STARTED = 2;
    private static final int ENDED = 3;

    private final AsyncEngine<?> engine;
    private final RetrySpec spec;
    private final Executor executor;
    /** On the timing's clock; {@link Long#MAX_VALUE} without a deadline. */
    private final long deadlineNanoTime;

    private final AtomicInteger phase = new AtomicInteger(WAITING);
    private volatile @Nullable Future<?> timer;
    private volatile @Nullable Future<?> watch;

    Wait(AsyncEngine<?> engine, RetrySpec spec, Executor executor, long deadlineNanoTime) {
        this.engine = engine;
        this.spec = spec;
        this.executor = executor;
        this.deadlineNanoTime = deadlineNanoTime;
    }

    /** Starts the timer (in testing mode there is no wait: the next attempt is handed over at once). */
    void start(long nanos, boolean testing) {
        if (testing) {
            run();
            return;
        }
        try {
            timer = spec.timing.schedule(spec.scheduler(), this, nanos);
        } catch (Throwable rejected) {
            // even a VirtualMachineError goes to the engine: the call must end with it, not lose it here
            if (phase.compareAndSet(WAITING, ENDED)) {
                engine.handOffFailed(this, rejected, GiveUpReason.SHUTDOWN);
            }
            return;
        }
        if (phase.get() == ENDED) {
            cancelFutures(); // cancelled before the timer existed
            return;
        }
        if (needsWatch()) {
            watchAfter(CHECK_NANOS);
        }
    }

    /** Whether something of the user's could drop the task, and there is a way to find out. */
    private boolean needsWatch() {
        boolean ownScheduler = spec.hasOwnScheduler();
        boolean ownExecutor = executor != DefaultExecutor.get();
        if (!ownScheduler && !ownExecutor) {
            return false;
        }
        return ownScheduler || executor instanceof ExecutorService || deadlineNanoTime != Long.MAX_VALUE;
    }

    /** The timer fired: hand the next attempt to the executor, so that the scheduler's thread runs no user code. */
    @Override
    public void run() {
        if (!phase.compareAndSet(WAITING, HANDED_OVER)) {
            return;
        }
        try {
            executor.execute(this::begin);
        } catch (Throwable rejected) {
            // on the scheduler's thread: a throwable escaping here would be swallowed and the call never end
            if (phase.compareAndSet(HANDED_OVER, ENDED)) {
                engine.handOffFailed(this, rejected, GiveUpReason.SHUTDOWN);
            }
        }
    }

    private void begin() {
        if (phase.compareAndSet(HANDED_OVER, STARTED)) {
            cancelQuietly(watch);
            engine.startNext(this);
        }
    }

    /** The call was cancelled: the next attempt must not start. */
    void cancel() {
        for (; ; ) {
            int p = phase.get();
            if (p == STARTED || p == ENDED) {
                break;
            }
            if (phase.compareAndSet(p, ENDED)) {
                break;
            }
        }
        cancelFutures();
    }

    private void cancelFutures() {
        cancelQuietly(timer);
        cancelQuietly(watch);
    }

    /** A scheduler's future whose cancel throws must not keep the call from ending. */
    private static void cancelQuietly(@Nullable Future<?> future) {
        if (future == null) {
            return;
        }
        try {
            future.cancel(false);
        } catch (Throwable hostile) {
            // nothing to do: the phase already says the wait is over, so its task will do nothing if it runs
        }
    }

    private void watchAfter(long nanos) {
        try {
            watch = DefaultScheduler.get().schedule(this::check, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException impossible) {
            // Tenax's own scheduler is never shut down
        }
        if (phase.get() >= STARTED) {
            cancelQuietly(watch);
        }
    }

    /** The watch: has the task been dropped by a scheduler or executor that will never run it? */
    private void check() {
        int p = phase.get();
        if (p >= STARTED) {
            return;
        }
        GiveUpReason reason = dropped(p);
        if (reason == null) {
            watchAfter(CHECK_NANOS);
            return;
        }
        if (phase.compareAndSet(p, ENDED)) {
            cancelQuietly(timer);
            engine.handOffFailed(this, new RejectedExecutionException(describe(p, reason)), reason);
        }
    }

    private @Nullable GiveUpReason dropped(int p) {
        boolean gone;
        if (p == WAITING) {
            Future<?> t = timer;
            gone = (t != null && t.isCancelled()) || spec.scheduler().isTerminated();
        } else {
            gone = executor instanceof ExecutorService service && service.isTerminated();
        }
        if (gone) {
            return GiveUpReason.SHUTDOWN;
        }
        // the wait was chosen to end before the deadline: past it (and a check later), the task is not coming
        if (deadlineNanoTime != Long.MAX_VALUE && spec.timing.nanoTime() - deadlineNanoTime >= CHECK_NANOS) {
            return GiveUpReason.DEADLINE;
        }
        return null;
    }

    private static String describe(int p, GiveUpReason reason) {
        if (reason == GiveUpReason.DEADLINE) {
            return p == WAITING
                    ? "the scheduler had not ended the wait before a retry by the deadline"
                    : "the executor had not started the retry by the deadline";
        }
        return p == WAITING
                ? "the scheduler was shut down during the wait before a retry"
                : "the executor was shut down before the retry started";
    }
}
