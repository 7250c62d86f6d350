package dev.tenax;

import org.jspecify.annotations.Nullable;

/**
 * Produces a value and may throw a checked exception of type {@code E}, which {@link RetryPolicy#call} then
 * declares as its own.
 *
 * @param <T> the result type
 * @param <E> the checked exception type; {@link RuntimeException} when there is none
 */
@FunctionalInterface
public interface ThrowingSupplier<T extends @Nullable Object, E extends Exception> {
    /**
     * Runs one attempt.
     *
     * @return the result of the attempt
     * @throws E when the attempt fails
     */
    T get() throws E;
}
