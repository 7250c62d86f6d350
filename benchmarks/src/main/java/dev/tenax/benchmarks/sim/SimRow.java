package dev.tenax.benchmarks.sim;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.http.spi.FailureClassifier;
import dev.tenax.http.spi.HttpRequestInfo;
import dev.tenax.http.spi.HttpRetryDriver;
import dev.tenax.internal.TimingOverride;
import java.net.URI;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Runs one row of the simulation: a fresh {@link EventLoop}, server, budget and policy; the requests of its
 * {@link Traffic}, each through the real {@link HttpRetryDriver#executeAsync} (engine, judge, budget and waits
 * as in production) against the {@link SimServer}; then the loop until the last request has ended.
 *
 * <p>The policy is the HTTP default but for the budget under test, the {@link VirtualScheduler} and a direct
 * executor (retries start on the loop's thread, in event order). The row's {@link SimTiming} is installed for the
 * JVM while it runs, so the engine's clock (deadlines, the 45 s timeout) and the ratio budget's window are the
 * loop's clock. Everything random (arrivals, sporadic failures, jitter) comes from the row's seed.
 */
public final class SimRow {
    private static final long SECOND = 1_000_000_000L;
    private static final URI URI_ = URI.create("http://storm.sim.invalid/p3");

    /** A GET to the one simulated host. */
    static final HttpRequestInfo REQUEST = new HttpRequestInfo() {
        @Override
        public String method() {
            return "GET";
        }

        @Override
        public URI uri() {
            return URI_;
        }

        @Override
        public @Nullable String header(String name) {
            return null;
        }

        @Override
        public boolean bodyReplayable() {
            return true;
        }
    };

    /** The budget key of every request: the host's origin. */
    static final String KEY = REQUEST.origin();

    private final EventLoop loop = new EventLoop();
    private final Scenario scenario;
    private final ObservedBudget budget;
    private final Traffic traffic;
    private final SimServer server;
    private final HttpRetryPolicy policy;
    private final SplittableRandom arrivals;
    private final SimTiming timing;

    private long sent;
    /** Closed loop: requests handed to a caller so far (sent, or about to be). */
    private long issued;

    private long ended;
    private long succeeded;
    private long successesAfterRecovery;
    private long untilRetry = -1;
    private long lastEnd;

    /**
     * @param policyChanges changes to the default policy (the burst's attempts and waits), applied before the
     *     budget, scheduler and executor are set
     */
    public SimRow(
            Scenario scenario,
            ObservedBudget budget,
            Traffic traffic,
            long seed,
            long latencyNanos,
            UnaryOperator<HttpRetryPolicy.Builder> policyChanges) {
        this.scenario = scenario;
        this.budget = budget;
        this.traffic = traffic;
        SplittableRandom seeds = new SplittableRandom(seed);
        this.arrivals = seeds.split();
        this.server = new SimServer(loop, latencyNanos, scenario.behaviour().apply(seeds.nextLong()));
        this.timing = new SimTiming(loop, seeds.nextLong());
        this.policy = policyChanges
                .apply(HttpRetryPolicy.builder())
                .budget(budget)
                .scheduler(new VirtualScheduler(loop))
                .executor(Runnable::run)
                .build();
    }

    public RowResult run() {
        long wallStart = System.nanoTime();
        TimingOverride.install(timing);
        try {
            if (traffic.open()) {
                loop.post(nextGap(), this::arrive);
            } else {
                for (int i = 0; i < traffic.callers() && issued < traffic.total(); i++) {
                    issued++;
                    loop.post(0, this::send);
                }
            }
            if (scenario.recoveryNanos() >= 0) {
                loop.post(scenario.recoveryNanos(), this::probe);
            }
            loop.run();
        } finally {
            TimingOverride.remove(timing);
        }
        if (ended != sent) {
            throw new IllegalStateException(sent - ended + " requests never ended");
        }
        return new RowResult(
                sent,
                succeeded,
                server.attempts(),
                budget.granted(),
                budget.refused(),
                successesAfterRecovery,
                untilRetry,
                lastEnd,
                System.nanoTime() - wallStart);
    }

    /** One Poisson arrival; the next is drawn while arrivals last. */
    private void arrive() {
        send();
        long next = nextGap();
        if (loop.now() + next < traffic.seconds() * SECOND) {
            loop.post(next, this::arrive);
        }
    }

    private long nextGap() {
        return (long) (-Math.log(1 - arrivals.nextDouble()) / traffic.rate() * SECOND);
    }

    private void send() {
        sent++;
        CompletableFuture<SimResponse> call = HttpRetryDriver.executeAsync(
                policy, REQUEST, SimResponse.ACCESS, FailureClassifier.NONE, context -> server.receive());
        CompletableFuture<SimResponse> unused =
                call.whenComplete((response, failure) -> ended(response != null && response.status() == 200));
    }

    private void ended(boolean ok) {
        ended++;
        lastEnd = loop.now();
        if (ok) {
            succeeded++;
            if (scenario.recoveryNanos() >= 0 && loop.now() >= scenario.recoveryNanos()) {
                successesAfterRecovery++;
                probe();
            }
        }
        if (!traffic.open() && issued < traffic.total()) {
            issued++;
            loop.post(0, this::send); // this caller's next request, off the ended call's stack
        }
    }

    /** After the outage: the first time a failure would get its retry, note how many successes it took. */
    private void probe() {
        if (untilRetry < 0 && budget.wouldRetry(KEY)) {
            untilRetry = successesAfterRecovery;
        }
    }
}
