package dev.tenax.benchmarks.sim;

/**
 * What one simulated row measured.
 *
 * @param requests logical requests sent
 * @param succeeded requests whose final answer was {@code 200}
 * @param attempts attempts the server received
 * @param granted retries the budget granted
 * @param refused retries the budget refused
 * @param successesAfterRecovery successful requests after the outage ended (recovery scenario), else {@code 0}
 * @param untilRetry successful requests after the outage ended until a failure would get its retry again;
 *     {@code -1} when that never happened in the row (or the scenario has no recovery)
 * @param virtualNanos simulated time until the last request ended
 * @param wallNanos real time the row took
 */
public record RowResult(
        long requests,
        long succeeded,
        long attempts,
        long granted,
        long refused,
        long successesAfterRecovery,
        long untilRetry,
        long virtualNanos,
        long wallNanos) {
    public double amplification() {
        return requests == 0 ? Double.NaN : (double) attempts / requests;
    }

    public double successPercent() {
        return requests == 0 ? Double.NaN : 100.0 * succeeded / requests;
    }
}
