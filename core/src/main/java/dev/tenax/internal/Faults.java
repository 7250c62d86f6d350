package dev.tenax.internal;

/**
 * How the engine treats throwables that are not an attempt's ordinary failure: errors that must never be retried,
 * and faults of user code (rules, budgets, listeners, schedulers) that must never hide the call's real failure.
 */
public final class Faults {
    private Faults() {}

    /**
     * Whether {@code failure} says the JVM or the class path is broken ({@link VirtualMachineError},
     * {@link LinkageError}): retrying cannot help and may make it worse, so it is never retried, whatever the rule.
     */
    public static boolean isFatal(Throwable failure) {
        return failure instanceof VirtualMachineError || failure instanceof LinkageError;
    }

    /** Rethrows {@code fault} if it is a {@link VirtualMachineError}, which propagates as itself. */
    public static void rethrowIfVirtualMachineError(Throwable fault) {
        if (fault instanceof VirtualMachineError vme) {
            throw vme;
        }
    }

    /** Attaches {@code fault} to {@code failure} as suppressed, unless it is the failure itself. */
    public static void attach(Throwable failure, Throwable fault) {
        if (fault != failure) {
            failure.addSuppressed(fault);
        }
    }
}
