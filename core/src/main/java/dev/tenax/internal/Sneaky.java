package dev.tenax.internal;

/**
 * Rethrows a throwable without wrapping it. Used where the engine hands back an exception that the caller's
 * own code threw, so it is always one the caller's signature allows.
 */
public final class Sneaky {
    private Sneaky() {}

    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    public static <X extends Throwable> RuntimeException rethrow(Throwable t) throws X {
        throw (X) t;
    }
}
