package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.internal.Switches;
import dev.tenax.internal.Timing;
import dev.tenax.property.Gen;
import dev.tenax.property.PropertyRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 12: the engine's invariants over random policies, random outcome sequences and random faults injected in
 * rules, budgets, listeners and scopes, with cancels at random points, in both engines. Every call runs on a
 * simulated clock (each attempt takes a random time; a wait advances the clock), so a try takes microseconds.
 *
 * <p>Invariants: the call ends exactly once; attempts never exceed the limit; no attempt starts after the
 * deadline; every scope opened is closed exactly once; one give-up event exactly when the call did not succeed;
 * every wait is finite, non-negative and within {@code waitMax} (or the hook's chosen wait); the failure thrown is
 * the last attempt's, never attached to itself, each earlier failure once; the switches are back to their
 * defaults.
 */
@ResourceLock("dev.tenax.Tenax")
class EnginePropertiesTest {
    /** The scheduler the simulated clock hands to: it never runs anything, the clock runs tasks itself. */
    private static final ScheduledExecutorService UNUSED = new ScheduledThreadPoolExecutor(1);

    private static final Executor DIRECT = Runnable::run;

    @AfterAll
    static void shutDown() {
        UNUSED.shutdownNow();
    }

    enum Outcome {
        SUCCESS,
        RETRYABLE,
        NOT_RETRYABLE,
        FATAL
    }

    enum Fault {
        NONE,
        RULE_THROWS,
        RULE_THROWS_ERROR,
        BUDGET_REFUSES,
        BUDGET_THROWS,
        LISTENER_THROWS,
        SCOPE_THROWS,
        CANCEL_IN_ATTEMPT,
        CANCEL_IN_LISTENER
    }

    record Scenario(
            boolean async,
            boolean testing,
            int testingAttempts,
            int attempts,
            long timeoutMillis,
            long waitInitialMillis,
            long waitMaxMillis,
            long jitterMillis,
            double base,
            boolean chosenWaits,
            List<Outcome> script,
            List<Long> attemptMillis,
            Fault fault,
            int faultAt,
            long seed) {

        Outcome outcome(int attempt) {
            return script.get(Math.min(attempt, script.size()) - 1);
        }

        long attemptTime(int attempt) {
            return attemptMillis.get((attempt - 1) % attemptMillis.size());
        }
    }

    private static final Gen<Scenario> SCENARIOS = random -> {
        int attempts = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(12); // 0: unlimited
        long timeout = attempts == 0 || random.nextBoolean() ? 1 + random.nextLong(60_000) : -1;
        long waitInitial = random.nextInt(5) == 0 ? 0 : random.nextLong(2_000);
        long waitMax = waitInitial + (random.nextInt(4) == 0 ? 0 : random.nextLong(10_000));
        List<Outcome> script = new ArrayList<>();
        int length = 1 + random.nextInt(15);
        for (int i = 0; i < length; i++) {
            int r = random.nextInt(20);
            script.add(
                    r < 14
                            ? Outcome.RETRYABLE
                            : r < 17 ? Outcome.SUCCESS : r < 19 ? Outcome.NOT_RETRYABLE : Outcome.FATAL);
        }
        List<Long> durations = new ArrayList<>();
        // without an attempt limit only time ends a call: attempts then take a while, so a try stays short
        long shortest = attempts == 0 ? 250 : 0;
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            durations.add(Math.max(shortest, random.nextInt(3) == 0 ? 0 : random.nextLong(3_000)));
        }
        Fault[] faults = Fault.values();
        Fault fault = random.nextInt(3) == 0 ? Fault.NONE : faults[random.nextInt(faults.length)];
        return new Scenario(
                random.nextBoolean(),
                random.nextInt(5) == 0,
                1 + random.nextInt(6),
                attempts,
                timeout,
                waitInitial,
                waitMax,
                random.nextInt(3) == 0 ? 0 : random.nextLong(1_000),
                random.nextInt(3) == 0 ? 1 : 1 + random.nextDouble() * 9,
                random.nextInt(4) == 0,
                script,
                durations,
                fault,
                1 + random.nextInt(6),
                random.nextLong());
    };

    @Test
    void everyCallEndsOnceWithinItsLimitsWhateverUserCodeDoes() {
        PropertyRunner.forAll(0x7e4a_0001L, SCENARIOS, EnginePropertiesTest::check);
    }

    private static void check(Scenario s) {
        Run run = new Run(s);
        Tenax.Handle testing = s.testing() ? Tenax.setTesting(true, s.testingAttempts(), false) : null;
        try {
            run.execute();
        } finally {
            if (testing != null) {
                testing.close();
            }
        }
        run.verify();
        assertThat(Switches.openChanges()).as("switches back to their defaults").isZero();
    }

    /** One simulated call and what it observed. */
    private static final class Run {
        final Scenario s;
        final SimClock clock;
        final List<Long> attemptStarts = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();
        final List<Duration> waits = new ArrayList<>();
        /** When each announced wait would end, on the clock. */
        final List<Long> waitEnds = new ArrayList<>();

        final List<AtomicInteger> scopes = new ArrayList<>();
        final List<GiveUpDetails> giveUps = new ArrayList<>();
        final AtomicInteger completions = new AtomicInteger();
        final AtomicInteger retriesNotified = new AtomicInteger();

        @Nullable
        CompletableFuture<String> future;

        @Nullable
        Object result;

        @Nullable
        Throwable thrown;

        boolean cancelled;

        Run(Scenario s) {
            this.s = s;
            this.clock = new SimClock(s.seed());
        }

        RetryPolicy policy() {
            RetryPolicy.Builder b = s.chosenWaits()
                    ? RetryPolicy.onDecide((e, call) -> rule(e, call))
                    : RetryPolicy.onIf(e -> rule(e, null).isRetry());
            if (s.attempts() == 0) {
                b.unlimitedAttempts();
            } else {
                b.attempts(s.attempts());
            }
            if (s.timeoutMillis() < 0) {
                b.noTimeout();
            } else {
                b.timeout(Duration.ofMillis(s.timeoutMillis()));
            }
            return b.waitInitial(Duration.ofMillis(s.waitInitialMillis()))
                    .waitMax(Duration.ofMillis(s.waitMaxMillis()))
                    .waitJitter(Duration.ofMillis(s.jitterMillis()))
                    .waitExpBase(s.base())
                    .budget(budget())
                    .listener(listener())
                    .scheduler(UNUSED)
                    .executor(DIRECT)
                    .timing(clock)
                    .build();
        }

        RetryDecision rule(Throwable e, @Nullable RetryContext call) {
            int attempt = attemptStarts.size();
            if (attempt == s.faultAt() && s.fault() == Fault.RULE_THROWS) {
                throw new IllegalStateException("rule bug");
            }
            if (attempt == s.faultAt() && s.fault() == Fault.RULE_THROWS_ERROR) {
                throw new AssertionError("rule bug");
            }
            if (!(e instanceof IOException)) {
                return RetryDecision.stop();
            }
            return call == null ? RetryDecision.retry() : RetryDecision.retryAfter(Duration.ofMillis(7L * attempt));
        }

        RetryBudget budget() {
            return new RetryBudget() {
                @Override
                public void onRequest(String key) {}

                @Override
                public boolean tryAcquireRetry(String key, Duration wait) {
                    int attempt = attemptStarts.size();
                    if (attempt == s.faultAt() && s.fault() == Fault.BUDGET_THROWS) {
                        throw new IllegalStateException("budget bug");
                    }
                    return !(attempt == s.faultAt() && s.fault() == Fault.BUDGET_REFUSES);
                }
            };
        }

        RetryListener listener() {
            return new RetryListener() {
                @Override
                public void onRetryScheduled(RetryDetails details) {}

                @Override
                public RetryScope openScope(RetryDetails details) {
                    retriesNotified.incrementAndGet();
                    waits.add(details.waitFor());
                    waitEnds.add(clock.nanos + details.waitFor().toNanos());
                    int retry = details.retryNumber();
                    if (retry == s.faultAt() && s.fault() == Fault.CANCEL_IN_LISTENER) {
                        cancel();
                    }
                    if (retry == s.faultAt() && s.fault() == Fault.LISTENER_THROWS) {
                        throw new IllegalStateException("listener bug");
                    }
                    AtomicInteger closes = new AtomicInteger();
                    scopes.add(closes);
                    return () -> {
                        closes.incrementAndGet();
                        if (retry == s.faultAt() && s.fault() == Fault.SCOPE_THROWS) {
                            throw new IllegalStateException("scope bug");
                        }
                    };
                }

                @Override
                public void onGiveUp(GiveUpDetails details) {
                    giveUps.add(details);
                }
            };
        }

        void cancel() {
            CompletableFuture<String> f = future;
            if (f != null) {
                cancelled |= f.cancel(true);
            }
        }

        /** One attempt: its start is recorded on the clock, it takes its time, then ends as scripted. */
        String attempt() throws IOException {
            attemptStarts.add(clock.nanos);
            int n = attemptStarts.size();
            clock.nanos += s.attemptTime(n) * 1_000_000L;
            if (n == s.faultAt() && s.fault() == Fault.CANCEL_IN_ATTEMPT) {
                cancel();
            }
            switch (s.outcome(n)) {
                case SUCCESS:
                    return "ok " + n;
                case RETRYABLE:
                    throw record(new IOException("attempt " + n));
                case NOT_RETRYABLE:
                    throw record(new IllegalArgumentException("attempt " + n));
                case FATAL:
                default:
                    throw record(new OutOfMemoryError("attempt " + n));
            }
        }

        private <X extends Throwable> X record(X failure) {
            failures.add(failure);
            return failure;
        }

        void execute() {
            RetryPolicy policy = policy();
            if (!s.async()) {
                try {
                    result = policy.call(this::attempt);
                } catch (Throwable t) {
                    thrown = t;
                }
                completions.incrementAndGet();
                return;
            }
            // the first attempt completes only once the caller holds the future, so that a cancel can reach it
            CompletableFuture<String> first = new CompletableFuture<>();
            AtomicInteger starts = new AtomicInteger();
            CompletableFuture<String> call = policy.callAsync(() -> {
                if (starts.incrementAndGet() == 1) {
                    return first;
                }
                return attemptStage();
            });
            future = call;
            CompletableFuture<Object> unused = call.handle((v, t) -> {
                completions.incrementAndGet();
                result = v;
                thrown = t;
                return null;
            });
            CompletableFuture<String> unusedFirst = attemptStage().whenComplete((v, t) -> {
                if (t == null) {
                    first.complete(v);
                } else {
                    first.completeExceptionally(t);
                }
            });
        }

        private CompletableFuture<String> attemptStage() {
            try {
                return CompletableFuture.completedFuture(attempt());
            } catch (IOException | RuntimeException | Error e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        void verify() {
            String where = s.toString();
            assertThat(completions).as("the call ends exactly once: %s", where).hasValue(1);
            int limit = s.testing() ? s.testingAttempts() : s.attempts();
            if (limit > 0) {
                assertThat(attemptStarts.size())
                        .as("attempts within the limit: %s", where)
                        .isLessThanOrEqualTo(limit);
            }
            if (!s.testing() && s.timeoutMillis() >= 0) {
                long deadline = SimClock.START + s.timeoutMillis() * 1_000_000L;
                for (long end : waitEnds) {
                    assertThat(end)
                            .as("no wait is taken that would end after the deadline: %s", where)
                            .isLessThanOrEqualTo(deadline);
                }
                for (long start : attemptStarts) {
                    assertThat(start)
                            .as("no attempt starts after the deadline: %s", where)
                            .isLessThanOrEqualTo(deadline);
                }
            }
            assertThat(scopes).as("every scope closed exactly once: %s", where).allMatch(c -> c.get() == 1);
            boolean succeeded = thrown == null && result != null;
            assertThat(giveUps).as("give-up events: %s", where).hasSize(succeeded ? 0 : 1);
            if (attemptStarts.size() == 1 && succeeded) {
                assertThat(retriesNotified).hasValue(0);
            }
            for (Duration wait : waits) {
                assertThat(wait.isNegative())
                        .as("waits are not negative: %s", where)
                        .isFalse();
                if (!s.chosenWaits()) {
                    assertThat(wait)
                            .as("computed waits within waitMax: %s", where)
                            .isLessThanOrEqualTo(Duration.ofMillis(s.waitMaxMillis()));
                }
            }
            if (thrown != null && !cancelled && !failures.isEmpty()) {
                Throwable last = failures.get(failures.size() - 1);
                Throwable cause = unwrap(thrown);
                assertThat(cause)
                        .as("the last attempt's failure propagates: %s", where)
                        .isSameAs(last);
                Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
                for (Throwable suppressed : cause.getSuppressed()) {
                    assertThat(suppressed)
                            .as("never attached to itself: %s", where)
                            .isNotSameAs(cause);
                    assertThat(seen.add(suppressed))
                            .as("each attached once: %s", where)
                            .isTrue();
                }
            }
        }

        private static Throwable unwrap(Throwable t) {
            return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        }
    }

    /** A simulated clock: sleeping and scheduling advance it and run at once; randomness is seeded. */
    private static final class SimClock implements Timing {
        static final long START = 1_000_000_000L;
        long nanos = START;
        private final Random random;

        SimClock(long seed) {
            this.random = new Random(seed);
        }

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public void sleep(long waitNanos) {
            nanos += waitNanos;
        }

        @Override
        public double nextRandom() {
            return random.nextDouble();
        }

        @Override
        public Future<?> schedule(ScheduledExecutorService scheduler, Runnable task, long waitNanos) {
            nanos += waitNanos;
            task.run();
            return CompletableFuture.completedFuture(null);
        }
    }
}
