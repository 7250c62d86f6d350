package dev.tenax.demo;

import java.util.Random;

/**
 * The faults a {@link FlakyServer} applies, one per request, drawn from a seeded {@link Random} so that a run can
 * be replayed exactly: about 25 % of requests get a 503, 10 % a 429 and 10 % a dropped connection.
 *
 * <p>Not thread-safe: the server draws under its own lock.
 */
final class FaultPlan {
    private final Random random;

    FaultPlan(long seed) {
        this.random = new Random(seed);
    }

    /** The fault for the next request. */
    Fault next() {
        int roll = random.nextInt(100);
        if (roll < 20) {
            return Fault.UNAVAILABLE;
        }
        if (roll < 25) {
            return Fault.UNAVAILABLE_RETRY_NOW;
        }
        if (roll < 33) {
            return Fault.RATE_LIMITED;
        }
        if (roll < 35) {
            return Fault.RATE_LIMITED_RETRY_NOW;
        }
        if (roll < 45) {
            return Fault.DROP;
        }
        return Fault.NONE;
    }
}
