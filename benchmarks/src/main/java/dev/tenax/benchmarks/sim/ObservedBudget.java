package dev.tenax.benchmarks.sim;

import dev.tenax.RetryBudget;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A budget under test, passed through unchanged (every call goes to it with its cause), counting the retries it
 * granted and refused, with a side-effect-free probe: would a failure now be retried? The probe measures
 * recovery after an outage without sending the server anything.
 */
public final class ObservedBudget implements RetryBudget {
    private final String label;
    private final RetryBudget budget;
    private final Predicate<String> wouldRetry;
    private long granted;
    private long refused;

    /**
     * @param label the table's name for the budget
     * @param budget the budget itself, a fresh instance
     * @param wouldRetry the probe, for a key; it must not change the budget's state when it answers {@code false}
     */
    public ObservedBudget(String label, RetryBudget budget, Predicate<String> wouldRetry) {
        this.label = label;
        this.budget = budget;
        this.wouldRetry = wouldRetry;
    }

    @Override
    public void onRequest(String key) {
        budget.onRequest(key);
    }

    @Override
    public boolean tryAcquireRetry(String key, Duration wait) {
        return tryAcquireRetry(key, wait, Cause.FAILURE);
    }

    @Override
    public boolean tryAcquireRetry(String key, Duration wait, Cause cause) {
        boolean ok = budget.tryAcquireRetry(key, wait, cause);
        if (ok) {
            granted++;
        } else {
            refused++;
        }
        return ok;
    }

    @Override
    public void onSuccess(String key) {
        budget.onSuccess(key);
    }

    /** Whether a failure of {@code key} now would get its retry. */
    public boolean wouldRetry(String key) {
        return wouldRetry.test(key);
    }

    public String label() {
        return label;
    }

    public long granted() {
        return granted;
    }

    public long refused() {
        return refused;
    }

    @Override
    public String toString() {
        return label + " (" + budget + ")";
    }
}
