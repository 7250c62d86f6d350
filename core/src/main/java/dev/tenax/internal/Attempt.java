package dev.tenax.internal;

import org.jspecify.annotations.Nullable;

/** One blocking attempt; it is told how much of the policy's time is left ({@link Long#MAX_VALUE}: no limit). */
@FunctionalInterface
public interface Attempt<T extends @Nullable Object> {
    T run(long remainingNanos) throws Throwable;
}
