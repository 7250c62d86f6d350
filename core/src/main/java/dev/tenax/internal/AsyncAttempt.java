package dev.tenax.internal;

import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** Starts one non-blocking attempt; it is told how much of the policy's time is left. */
@FunctionalInterface
public interface AsyncAttempt<T extends @Nullable Object> {
    CompletionStage<T> start(long remainingNanos);
}
