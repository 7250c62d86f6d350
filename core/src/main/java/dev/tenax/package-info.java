/**
 * The Tenax retry engine: say what to retry, get exponential backoff with jitter, limits on attempts and on
 * total time, and instrumentation.
 *
 * <p>Start with {@link dev.tenax.RetryPolicy}; switch retries off or make them instant in tests with
 * {@link dev.tenax.Tenax}.
 */
@NullMarked
package dev.tenax;

import org.jspecify.annotations.NullMarked;
