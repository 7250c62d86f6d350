package dev.tenax.benchmarks.sim;

import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The simulation's clock and its one thread of events: a priority queue of tasks ordered by virtual time, then by
 * the order they were scheduled in, run one after another. Time jumps from one event to the next, so an hour of
 * traffic costs only the work of its events, and the same inputs always give the same order of events (no real
 * thread, no real time).
 *
 * <p>Only {@link #run} advances the clock, on the calling thread. The clock is volatile because the engine's
 * watch over waits (on Tenax's own scheduler thread) may read it; nothing else is shared.
 */
public final class EventLoop {
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private volatile long now;
    private long seq;

    /** Virtual nanoseconds since the simulation started. */
    public long now() {
        return now;
    }

    /**
     * Schedules {@code task} at {@code now + delayNanos} (a negative delay means now).
     *
     * @return the event, cancellable until it runs
     */
    public Event schedule(long delayNanos, Runnable task) {
        Event event = new Event(now + Math.max(0, delayNanos), seq++, task);
        queue.add(event);
        return event;
    }

    /** Schedules {@code task} at {@code now + delayNanos}, for good (the simulation's own events). */
    public void post(long delayNanos, Runnable task) {
        queue.add(new Event(now + Math.max(0, delayNanos), seq++, task));
    }

    /** Runs events in time order until none is left. */
    public void run() {
        Event event;
        while ((event = queue.poll()) != null) {
            if (event.cancelled) {
                continue;
            }
            now = event.time;
            event.done = true;
            event.task.run();
        }
    }

    /** One scheduled task; as a {@link ScheduledFuture} it is what the virtual scheduler hands to the engine. */
    public final class Event implements ScheduledFuture<@Nullable Object> {
        private final long time;
        private final long order;
        private final Runnable task;
        private volatile boolean cancelled;
        private volatile boolean done;

        Event(long time, long order, Runnable task) {
            this.time = time;
            this.order = order;
            this.task = task;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(time - now, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof Event e) {
                int byTime = Long.compare(time, e.time);
                return byTime != 0 ? byTime : Long.compare(order, e.order);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done || cancelled) {
                return false;
            }
            cancelled = true; // left in the queue, skipped when its time comes
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public @Nullable Object get() {
            if (cancelled) {
                throw new CancellationException();
            }
            if (!done) {
                throw new IllegalStateException("waiting for a simulated event would block the simulation");
            }
            return null;
        }

        @Override
        public @Nullable Object get(long timeout, TimeUnit unit) {
            return get();
        }
    }
}
