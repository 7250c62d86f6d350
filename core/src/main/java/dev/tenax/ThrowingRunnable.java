package dev.tenax;

/**
 * A block of code that may throw a checked exception of type {@code E}, which {@link RetryPolicy#run} then
 * declares as its own.
 *
 * @param <E> the checked exception type; {@link RuntimeException} when there is none
 */
@FunctionalInterface
public interface ThrowingRunnable<E extends Exception> {
    /**
     * Runs one attempt.
     *
     * @throws E when the attempt fails
     */
    void run() throws E;
}
