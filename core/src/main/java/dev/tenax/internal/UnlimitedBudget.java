package dev.tenax.internal;

import dev.tenax.RetryBudget;
import java.time.Duration;

/** The budget that never refuses. */
public enum UnlimitedBudget implements RetryBudget {
    INSTANCE;

    @Override
    public void onRequest(String key) {}

    @Override
    public boolean tryAcquireRetry(String key, Duration wait) {
        return true;
    }

    @Override
    public String toString() {
        return "RetryBudget.unlimited()";
    }
}
