package dev.tenax.internal;

import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** Starts one non-blocking attempt. */
@FunctionalInterface
public interface AsyncAttempt<T extends @Nullable Object> {
    CompletionStage<T> start(AttemptContext context);
}
