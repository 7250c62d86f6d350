package dev.tenax.internal;

import java.util.function.UnaryOperator;

/**
 * The global on/off and testing switches, as one immutable value swapped atomically, so that a call reads a
 * consistent state with a single volatile read.
 */
public final class Switches {
    public static final Switches NORMAL = new Switches(true, false, 0, false);

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

    /** Applies {@code change} and returns the state it replaced. */
    public static synchronized Switches update(UnaryOperator<Switches> change) {
        Switches previous = current;
        current = change.apply(previous);
        return previous;
    }

    /** Puts back {@code previous}, as a handle's {@code close()} does. */
    public static synchronized void restore(Switches previous) {
        current = previous;
    }

    public Switches withActive(boolean newActive) {
        return new Switches(newActive, testing, testingAttempts, cap);
    }

    public Switches withTesting(boolean newTesting, int attempts, boolean newCap) {
        return new Switches(active, newTesting, attempts, newCap);
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
}
