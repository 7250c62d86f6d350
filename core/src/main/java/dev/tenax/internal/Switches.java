package dev.tenax.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The global on/off and testing switches. Every {@code Tenax.setActive}/{@code setTesting} call opens an
 * <em>change</em>; the state in effect is computed from the changes still open: for each switch, the most
 * recently opened one wins, and with none open the default applies. Closing a handle removes exactly its own
 * change, whatever the order and from whatever thread, so no interleaving of handles can leave a switch stuck.
 *
 * <p>The computed state is one immutable value published through a volatile field, so a call reads a consistent
 * state with a single volatile read; only opening and closing take the (short, never blocking) lock.
 */
public final class Switches {
    public static final Switches NORMAL = new Switches(true, false, 0, false);

    /** One attempt, no waits, no events: {@code Tenax.setActive(false)}, and a call nested in another's attempt. */
    public static final Switches INACTIVE = new Switches(false, false, 0, false);

    private static final ReentrantLock LOCK = new ReentrantLock();
    /** Open changes in the order they were opened; guarded by {@link #LOCK}. */
    private static final List<Change> OPEN = new ArrayList<>();

    private static volatile Switches current = NORMAL;

    public final boolean active;
    public final boolean testing;
    public final int testingAttempts;
    public final boolean cap;

    private Switches(boolean active, boolean testing, int testingAttempts, boolean cap) {
        this.active = active;
        this.testing = testing;
        this.testingAttempts = testingAttempts;
        this.cap = cap;
    }

    public static Switches current() {
        return current;
    }

    /** Opens a change of the on/off switch; closing the returned change removes it. */
    public static Change changeActive(boolean active) {
        return open(new Change(true, active, false, 0, false));
    }

    /** Opens a change of the testing switch; closing the returned change removes it. */
    public static Change changeTesting(boolean testing, int attempts, boolean cap) {
        return open(new Change(false, true, testing, attempts, cap));
    }

    /** How many changes are open (for tests and diagnostics). */
    public static int openChanges() {
        LOCK.lock();
        try {
            return OPEN.size();
        } finally {
            LOCK.unlock();
        }
    }

    private static Change open(Change change) {
        LOCK.lock();
        try {
            OPEN.add(change);
            current = compute();
        } finally {
            LOCK.unlock();
        }
        return change;
    }

    private static void close(Change change) {
        LOCK.lock();
        try {
            // by identity: two changes with equal values are still two handles
            for (int i = OPEN.size() - 1; i >= 0; i--) {
                if (OPEN.get(i) == change) {
                    OPEN.remove(i);
                    break;
                }
            }
            current = compute();
        } finally {
            LOCK.unlock();
        }
    }

    /** The state the open changes give: per switch, the last opened wins. Called with the lock held. */
    private static Switches compute() {
        @Nullable Change lastActive = null;
        @Nullable Change lastTesting = null;
        for (Change o : OPEN) {
            if (o.onOff) {
                lastActive = o;
            } else {
                lastTesting = o;
            }
        }
        boolean active = lastActive == null || lastActive.active;
        if (lastTesting == null || !lastTesting.testing) {
            return active ? NORMAL : INACTIVE;
        }
        return new Switches(active, true, lastTesting.attempts, lastTesting.cap);
    }

    /** Attempts a call gets under these switches, given the policy's own limit (0 = unlimited). */
    public int attempts(int configured) {
        if (!testing) {
            return configured;
        }
        if (cap && configured > 0) {
            return Math.min(testingAttempts, configured);
        }
        return testingAttempts;
    }

    @Override
    public String toString() {
        return "Switches[active=" + active + ", testing=" + testing
                + (testing ? ", attempts=" + testingAttempts + ", cap=" + cap : "") + "]";
    }

    /** One open change; {@link #close()} removes it, once. */
    public static final class Change {
        private final boolean onOff;
        private final boolean active;
        private final boolean testing;
        private final int attempts;
        private final boolean cap;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Change(boolean onOff, boolean active, boolean testing, int attempts, boolean cap) {
            this.onOff = onOff;
            this.active = active;
            this.testing = testing;
            this.attempts = attempts;
            this.cap = cap;
        }

        public void close() {
            if (closed.compareAndSet(false, true)) {
                Switches.close(this);
            }
        }
    }
}
