package dev.tenax.internal;

/** The context of the one attempt a call makes when retries are switched off: nothing will be retried. */
enum SingleAttempt implements AttemptContext {
    INSTANCE;

    @Override
    public long remainingNanos() {
        return Long.MAX_VALUE;
    }

    @Override
    public int attemptNumber() {
        return 1;
    }

    @Override
    public boolean decideEarly(Verdict verdict) {
        return false;
    }
}
