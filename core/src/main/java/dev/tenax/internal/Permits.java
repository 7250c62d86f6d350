package dev.tenax.internal;

import dev.tenax.ConcurrencyLimit;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The permits of a {@link ConcurrencyLimit}: a count and a FIFO of waiters, each waiter a future that completes
 * when a permit is handed to it. One waiter type serves both engines: a blocking attempt waits on its future (a
 * timed, interruptible {@code get}; no monitor is held, so virtual threads unmount), an asynchronous attempt
 * continues from it. A released permit goes straight to the oldest live waiter; a cancelled waiter is removed.
 * The lock guards only the count and the queue; waiters are completed outside it.
 */
public final class Permits {
    /** An interrupt while waiting for a permit: the engine ends the call as it does an interrupted wait. */
    public static final class WaitInterrupted extends InterruptedException {
        private static final long serialVersionUID = 1L;

        WaitInterrupted() {
            super("interrupted while waiting for a permit of the concurrency limit");
        }
    }

    private static final CompletableFuture<@Nullable Void> GRANTED = CompletableFuture.completedFuture(null);
    private static @Nullable Function<ConcurrencyLimit, Permits> access;

    private final int size;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<CompletableFuture<@Nullable Void>> waiters = new ArrayDeque<>();
    private int available;

    public Permits(int size) {
        this.size = size;
        this.available = size;
    }

    /** Called once by {@link ConcurrencyLimit}'s initialiser: the engine's way to its permits. */
    public static void register(Function<ConcurrencyLimit, Permits> accessor) {
        access = accessor;
    }

    /** The permits of {@code limit}. */
    public static Permits of(ConcurrencyLimit limit) {
        return Objects.requireNonNull(access, "ConcurrencyLimit not initialised")
                .apply(limit);
    }

    public int size() {
        return size;
    }

    public int available() {
        lock.lock();
        try {
            return available;
        } finally {
            lock.unlock();
        }
    }

    public int queued() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }

    /** A future that completes when this caller holds a permit (at once if one is free and nobody waits). */
    CompletableFuture<@Nullable Void> acquire() {
        lock.lock();
        try {
            if (available > 0 && waiters.isEmpty()) {
                available--;
                return GRANTED;
            }
            CompletableFuture<@Nullable Void> waiter = new CompletableFuture<>();
            waiters.add(waiter);
            // a waiter cancelled (or timed out) in the queue leaves it, so it never holds a permit
            CompletableFuture<@Nullable Void> unused = waiter.whenComplete((v, e) -> {
                if (waiter.isCancelled()) {
                    remove(waiter);
                }
            });
            return waiter;
        } finally {
            lock.unlock();
        }
    }

    private void remove(CompletableFuture<@Nullable Void> waiter) {
        lock.lock();
        try {
            waiters.removeIf(w -> w == waiter); // by identity
        } finally {
            lock.unlock();
        }
    }

    /** Gives a permit back: to the oldest waiter still waiting, else to the pool. */
    void release() {
        for (; ; ) {
            CompletableFuture<@Nullable Void> next;
            lock.lock();
            try {
                next = waiters.poll();
                if (next == null) {
                    available++;
                    return;
                }
            } finally {
                lock.unlock();
            }
            if (next.complete(null)) {
                return; // handed over; else it was cancelled meanwhile: try the next one
            }
        }
    }

    /**
     * Runs a blocking attempt holding a permit, waiting at most {@code maxWaitNanos} for one.
     *
     * @throws InterruptedException if interrupted while waiting (the flag is the engine's to restore)
     * @throws InterruptedIOException ("timeout: …") if no permit came in time
     */
    public <T extends @Nullable Object> T runBlocking(long maxWaitNanos, Attempt<T> attempt, AttemptContext context)
            throws Throwable {
        await(acquire(), maxWaitNanos);
        try {
            return attempt.run(context);
        } finally {
            release();
        }
    }

    /** As {@link #runBlocking(long, Attempt, AttemptContext)}, for the first attempt of a call (no engine yet). */
    public <T extends @Nullable Object> T runBlocking(long maxWaitNanos, Attempt<T> attempt) throws Throwable {
        return runBlocking(maxWaitNanos, attempt, SingleAttempt.INSTANCE);
    }

    private void await(CompletableFuture<@Nullable Void> permit, long maxWaitNanos)
            throws InterruptedException, InterruptedIOException {
        if (permit.isDone()) {
            return;
        }
        try {
            permit.get(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException | TimeoutException e) {
            if (!permit.cancel(false)) {
                release(); // granted just as we gave up: it is not ours to keep
            }
            if (e instanceof InterruptedException) {
                throw new WaitInterrupted();
            }
            throw noPermit(maxWaitNanos);
        } catch (ExecutionException | CancellationException impossible) {
            throw new IllegalStateException("a permit waiter failed", impossible);
        }
    }

    /**
     * What a caller gets when no permit came before its deadline: a timeout, as the clients' own call timeouts
     * report it (an {@code InterruptedIOException} saying "timeout"), so that HTTP adapters throw a type their
     * client's API declares and the engine ends the call for its deadline.
     */
    private InterruptedIOException noPermit(long maxWaitNanos) {
        return new InterruptedIOException("timeout: no permit of " + this + " came free within the time left ("
                + java.time.Duration.ofNanos(maxWaitNanos) + ")");
    }

    /**
     * Starts an asynchronous attempt once it holds a permit, and gives the permit back when its stage completes.
     * A queued attempt starts on {@code executor} (never on the stack of the attempt that released the permit);
     * cancelling the returned future while it is queued removes it from the queue. No permit within {@code
     * maxWaitNanos} (timed by {@code spec}'s scheduler) fails it with an {@link InterruptedIOException} ("timeout: …").
     */
    public <T extends @Nullable Object> CompletionStage<T> startAsync(
            RetrySpec spec, Executor executor, long maxWaitNanos, Supplier<CompletionStage<T>> start) {
        CompletableFuture<@Nullable Void> permit = acquire();
        if (permit.isDone()) {
            return startHolding(start);
        }
        CompletableFuture<T> outcome = new CompletableFuture<>();
        AtomicReference<@Nullable CompletionStage<T>> started = new AtomicReference<>();
        Future<?> timer = maxWaitNanos == Long.MAX_VALUE
                ? null
                : spec.scheduler()
                        .schedule(
                                () -> {
                                    if (permit.cancel(false)) {
                                        outcome.completeExceptionally(noPermit(maxWaitNanos));
                                    }
                                },
                                maxWaitNanos,
                                TimeUnit.NANOSECONDS);
        // the engine cancels the attempt it waits for when the call is cancelled: leave the queue then
        CompletableFuture<T> unused = outcome.whenComplete((v, e) -> {
            if (outcome.isCancelled()) {
                permit.cancel(false);
                CompletionStage<T> running = started.get();
                if (running != null) {
                    cancelQuietly(running);
                }
            }
        });
        CompletableFuture<Void> unusedGrant = permit.thenRun(() -> {
            if (timer != null) {
                timer.cancel(false);
            }
            Runnable begin = () -> {
                if (outcome.isDone()) {
                    release(); // cancelled between the grant and the start
                    return;
                }
                CompletionStage<T> stage;
                RetrySpec outer = Nesting.enter(spec); // started here, not on the engine's marked thread
                try {
                    stage = startHolding(start);
                } finally {
                    Nesting.exit(outer);
                }
                started.set(stage);
                if (outcome.isCancelled()) {
                    cancelQuietly(stage);
                }
                CompletionStage<T> unusedEnd = stage.whenComplete((v, e) -> {
                    if (e != null) {
                        outcome.completeExceptionally(e);
                    } else {
                        outcome.complete(v);
                    }
                });
            };
            try {
                executor.execute(begin);
            } catch (RuntimeException rejected) {
                release();
                outcome.completeExceptionally(rejected);
            }
        });
        return outcome;
    }

    /** Starts the attempt, which holds a permit, and releases it when the attempt's stage completes (once). */
    private <T extends @Nullable Object> CompletionStage<T> startHolding(Supplier<CompletionStage<T>> start) {
        CompletionStage<T> stage;
        try {
            stage = start.get();
        } catch (Throwable t) {
            release();
            return CompletableFuture.failedFuture(t);
        }
        if (stage == null) {
            release();
            return CompletableFuture.failedFuture(new NullPointerException("operation returned a null stage"));
        }
        AtomicBoolean released = new AtomicBoolean();
        try {
            // the stage itself goes back, so that the engine's cancel reaches the operation
            CompletionStage<T> unused = stage.whenComplete((v, e) -> {
                if (released.compareAndSet(false, true)) {
                    release();
                }
            });
        } catch (Throwable hostileStage) {
            if (released.compareAndSet(false, true)) {
                release();
            }
            return CompletableFuture.failedFuture(hostileStage);
        }
        return stage;
    }

    private static void cancelQuietly(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().cancel(true);
        } catch (RuntimeException notCancellable) {
            // a stage that cannot be cancelled runs to its end; its permit comes back then
        }
    }

    @Override
    public String toString() {
        return "ConcurrencyLimit.of(" + size + ")";
    }
}
