package dev.tenax.benchmarks.sim;

/**
 * How logical requests arrive in a row: an open stream of Poisson arrivals at {@code rate} per second for
 * {@code seconds}, which does not slow down when the server fails (as independent users do not), or a closed
 * loop of {@code callers} that each send the next request when their last one ended, {@code total} in all (a
 * burst from a worker pool).
 *
 * @param rate requests per second (open), or {@code 0} (closed)
 * @param seconds how long requests keep arriving (open)
 * @param callers concurrent callers (closed)
 * @param total requests in all (closed)
 */
public record Traffic(int rate, int seconds, int callers, int total) {
    public static Traffic poisson(int rate, int seconds) {
        return new Traffic(rate, seconds, 0, 0);
    }

    public static Traffic burst(int total, int callers) {
        return new Traffic(0, 0, callers, total);
    }

    public boolean open() {
        return rate > 0;
    }
}
