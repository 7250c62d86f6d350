package dev.tenax.apache;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.concurrent.CancellableDependency;

/**
 * What one attempt's chain elements register what they start with, in place of the caller's future: a cancel of
 * that future reaches everything the attempt started, however the threads interleave.
 *
 * <p>Why not the caller's future itself: it keeps one dependency, the last one stored, and the attempt's
 * elements store theirs from two threads. When a new connection is needed, the connect element stores the
 * connect operation on the caller's thread only after starting it; by then the I/O thread may have connected,
 * sent the request and stored the exchange, which the connect operation then overwrites. A cancel reached only
 * the finished connect: the exchange ran on until the server answered, and the engine, never told, judged that
 * answer (no give-up, a connection held for a cancelled call; InFlightCancelTest failed about once in thirty
 * runs under load). {@code ComplexFuture.setDependency} also checks for a cancel and stores in two steps. So
 * here every dependency is kept, not the last one, and each is cancelled exactly once, whichever comes first,
 * the cancel or the store; cancelling one that has finished (a lease, a connect) does nothing.
 */
final class AttemptCancellation implements CancellableDependency {
    private final Queue<Cancellable> dependencies = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * Registers {@code child} with {@code parent} so that a cancel of {@code parent} reaches it whenever that
     * cancel happens: one landing while {@code parent} was storing {@code child} is passed on here.
     * {@code child.cancel()} may so run twice; both callers here make it idempotent.
     */
    static void dependOn(CancellableDependency parent, Cancellable child) {
        parent.setDependency(child);
        if (parent.isCancelled()) {
            child.cancel();
        }
    }

    @Override
    public void setDependency(Cancellable dependency) {
        dependencies.add(dependency);
        // stored before the flag is read, and the flag set before the queue is drained: one of the two sees it
        if (cancelled.get()) {
            cancelAll();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public boolean cancel() {
        boolean first = cancelled.compareAndSet(false, true);
        cancelAll();
        return first;
    }

    /** Each dependency is taken off the queue once, by one thread, so it is cancelled once. */
    private void cancelAll() {
        for (Cancellable dependency = dependencies.poll(); dependency != null; dependency = dependencies.poll()) {
            dependency.cancel();
        }
    }
}
