package dev.tenax.internal;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * How the engine treats throwables that are not an attempt's ordinary failure: errors that must never be retried,
 * and faults of user code (rules, budgets, listeners, schedulers) that must never hide the call's real failure.
 */
public final class Faults {
    /** How many throwables a cycle check visits at most; a graph larger than that is not attached to. */
    private static final int MAX_VISITED = 1024;

    private Faults() {}

    /**
     * Whether {@code failure} says the JVM or the class path is broken ({@link VirtualMachineError},
     * {@link LinkageError}): retrying cannot help and may make it worse, so it is never retried, whatever the rule.
     */
    public static boolean isFatal(Throwable failure) {
        return failure instanceof VirtualMachineError || failure instanceof LinkageError;
    }

    /**
     * Whether {@code failure} is a timeout: a socket or client timeout ({@link java.io.InterruptedIOException},
     * which OkHttp's call timeout and {@link java.net.SocketTimeoutException} are), the JDK client's {@code
     * HttpTimeoutException} (known by name: core does not require {@code java.net.http}), or a {@link
     * java.util.concurrent.TimeoutException} ({@code attemptTimeout} of {@code callAsync}).
     */
    public static boolean isTimeout(Throwable failure) {
        for (Class<?> c = failure.getClass(); c != null; c = c.getSuperclass()) {
            if (c == java.io.InterruptedIOException.class
                    || c == java.util.concurrent.TimeoutException.class
                    || c.getName().equals("java.net.http.HttpTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /** Rethrows {@code fault} if it is a {@link VirtualMachineError}, which propagates as itself. */
    public static void rethrowIfVirtualMachineError(Throwable fault) {
        if (fault instanceof VirtualMachineError vme) {
            throw vme;
        }
    }

    /**
     * Attaches {@code fault} to {@code failure} as suppressed, unless that would attach an instance twice, to
     * itself, or close a cycle (a fault that wraps the failure as its cause, say): then the fault is only logged.
     */
    public static void attach(Throwable failure, Throwable fault) {
        if (canAttach(failure, fault)) {
            failure.addSuppressed(fault);
        } else if (fault != failure && !isSuppressedBy(failure, fault)) {
            Listeners.report(fault, fault);
        }
    }

    /**
     * Whether {@code earlier} may be added to {@code failure}'s suppressed: it is not {@code failure}, not already
     * there, and {@code failure} cannot be reached from it (through causes and suppressed), so no cycle forms.
     */
    static boolean canAttach(Throwable failure, Throwable earlier) {
        return earlier != failure && !isSuppressedBy(failure, earlier) && !reaches(earlier, failure);
    }

    private static boolean isSuppressedBy(Throwable holder, Throwable candidate) {
        for (Throwable s : holder.getSuppressed()) {
            if (s == candidate) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code target} is {@code from} or reachable from it; a graph too large to walk counts as yes. */
    private static boolean reaches(Throwable from, Throwable target) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.push(from);
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (t == target) {
                return true;
            }
            if (!seen.add(t)) {
                continue;
            }
            if (seen.size() > MAX_VISITED) {
                return true;
            }
            Throwable cause = t.getCause();
            if (cause != null) {
                todo.push(cause);
            }
            for (Throwable s : t.getSuppressed()) {
                todo.push(s);
            }
        }
        return false;
    }
}
