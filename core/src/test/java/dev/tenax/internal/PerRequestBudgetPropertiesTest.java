package dev.tenax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.property.Gen;
import dev.tenax.property.PropertyRunner;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link PerRequestBudget} under random waits (zero, negative, huge) and under 8 threads. */
class PerRequestBudgetPropertiesTest {
    private static final int THREADS = 8;
    private static final BigInteger NANOS_PER_MILLI = BigInteger.valueOf(1_000_000);

    private static ExecutorService pool;

    @BeforeAll
    static void startThreads() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    record Scenario(int maxRetries, Duration maxTotalWait, List<Duration> waits) {}

    /** Allowances of any size, and waits on the allowance's own scale as well as anywhere else. */
    private static final Gen<Scenario> SCENARIOS = random -> {
        int maxRetries = Gen.ints(0, 40).draw(random);
        Duration max = random.nextInt(8) == 0 ? Duration.ZERO : Gen.durations().draw(random);
        Gen<Duration> wait = r -> switch (r.nextInt(8)) {
            case 0 -> Duration.ZERO;
            case 1 -> Gen.signedDurations().draw(r);
            case 2 -> max;
            case 3 -> max.toSeconds() == Long.MAX_VALUE ? max : max.plusNanos(1);
            default -> max.dividedBy(1 + r.nextInt(12));
        };
        return new Scenario(maxRetries, max, Gen.lists(wait, 60).draw(random));
    };

    @Test
    void grantsExactlyWhatFitsAndNeverMoreThanTheAllowance() {
        PropertyRunner.forAll(0xb0d6_0001L, SCENARIOS, s -> {
            PerRequestBudget budget = new PerRequestBudget(s.maxRetries(), s.maxTotalWait());
            Model model = new Model(s.maxRetries(), s.maxTotalWait());
            BigInteger grantedNanos = BigInteger.ZERO;
            int granted = 0;

            for (Duration wait : s.waits()) {
                boolean expected = model.tryAcquire(wait);
                assertThat(budget.tryAcquireRetry("k", wait))
                        .as("wait %s", wait)
                        .isEqualTo(expected);
                if (expected) {
                    granted++;
                    grantedNanos = grantedNanos.add(nanos(wait).max(BigInteger.ZERO));
                }
            }

            assertThat(granted).isLessThanOrEqualTo(s.maxRetries()).isEqualTo(budget.retriesUsed());
            assertThat(grantedNanos).isLessThanOrEqualTo(nanos(s.maxTotalWait()));
            assertThat(budget.waitedMillis()).isEqualTo(model.usedMillis);
        });
    }

    @Test
    void eightThreadsWithEqualWaitsGetExactlyWhatFits() throws Exception {
        Gen<Scenario> equalWaits = random -> {
            Scenario s = SCENARIOS.draw(random);
            Duration wait = s.waits().isEmpty() ? Duration.ZERO : s.waits().get(0);
            return new Scenario(s.maxRetries(), s.maxTotalWait(), List.of(wait));
        };
        PropertyRunner.forAll(0xb0d6_0002L, equalWaits, s -> {
            PerRequestBudget budget = new PerRequestBudget(s.maxRetries(), s.maxTotalWait());
            Duration wait = s.waits().get(0);
            int perThread = 8;

            List<List<Duration>> grants = race(budget, thread -> {
                List<Duration> same = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    same.add(wait);
                }
                return same;
            });

            Model model = new Model(s.maxRetries(), s.maxTotalWait());
            int expected = 0;
            while (expected < THREADS * perThread && model.tryAcquire(wait)) {
                expected++;
            }
            assertThat(grants.stream().mapToInt(List::size).sum()).isEqualTo(expected);
            assertThat(budget.retriesUsed()).isEqualTo(expected);
            assertThat(budget.waitedMillis()).isEqualTo(model.usedMillis);
        });
    }

    @Test
    void eightThreadsWithRandomWaitsNeverOverdraw() throws Exception {
        PropertyRunner.forAll(0xb0d6_0003L, SCENARIOS, s -> {
            PerRequestBudget budget = new PerRequestBudget(s.maxRetries(), s.maxTotalWait());

            // each thread asks for the scenario's waits, starting at its own offset
            List<List<Duration>> grants = race(budget, thread -> {
                List<Duration> mine = new ArrayList<>();
                for (int i = 0; i < s.waits().size(); i++) {
                    mine.add(s.waits().get((i + thread) % s.waits().size()));
                }
                return mine;
            });

            List<Duration> all = grants.stream().flatMap(List::stream).toList();
            BigInteger grantedNanos =
                    all.stream().map(w -> nanos(w).max(BigInteger.ZERO)).reduce(BigInteger.ZERO, BigInteger::add);
            long grantedMillis = all.stream()
                    .mapToLong(w -> Math.max(0, Durations.toMillisRoundedUp(w)))
                    .sum();
            assertThat(all).hasSizeLessThanOrEqualTo(s.maxRetries());
            assertThat(budget.retriesUsed()).isEqualTo(all.size());
            assertThat(grantedNanos).isLessThanOrEqualTo(nanos(s.maxTotalWait()));
            assertThat(budget.waitedMillis()).isEqualTo(grantedMillis);
        });
    }

    interface Plan {
        List<Duration> waitsOf(int thread);
    }

    /** Runs every thread's waits against the budget at once; returns, per thread, the waits it was granted. */
    private static List<List<Duration>> race(PerRequestBudget budget, Plan plan) {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Duration>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Duration> waits = plan.waitsOf(t);
            futures.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                List<Duration> granted = new ArrayList<>();
                for (Duration wait : waits) {
                    if (budget.tryAcquireRetry("k", wait)) {
                        granted.add(wait);
                    }
                }
                return granted;
            }));
        }
        try {
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            List<List<Duration>> results = new ArrayList<>();
            for (Future<List<Duration>> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The budget's rules in exact arithmetic: whole milliseconds rounded up, at most 2^44 - 1 of them. */
    private static final class Model {
        private final int maxRetries;
        private final BigInteger maxMillis;
        private int retries;
        private long usedMillis;

        Model(int maxRetries, Duration maxTotalWait) {
            this.maxRetries = Math.min(maxRetries, (1 << 20) - 1);
            this.maxMillis = nanos(maxTotalWait)
                    .divide(NANOS_PER_MILLI)
                    .min(BigInteger.valueOf(PerRequestBudget.MAX_COUNTED_MILLIS));
        }

        boolean tryAcquire(Duration wait) {
            BigInteger[] qr = nanos(wait).max(BigInteger.ZERO).divideAndRemainder(NANOS_PER_MILLI);
            BigInteger millis = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
            if (retries >= maxRetries
                    || millis.add(BigInteger.valueOf(usedMillis)).compareTo(maxMillis) > 0) {
                return false;
            }
            retries++;
            usedMillis += millis.longValueExact();
            return true;
        }
    }

    private static BigInteger nanos(Duration d) {
        return BigInteger.valueOf(d.getSeconds())
                .multiply(BigInteger.valueOf(1_000_000_000))
                .add(BigInteger.valueOf(d.getNano()));
    }
}
