package dev.tenax.internal;

import org.jspecify.annotations.Nullable;

/** One blocking attempt. */
@FunctionalInterface
public interface Attempt<T extends @Nullable Object> {
    T run(AttemptContext context) throws Throwable;
}
