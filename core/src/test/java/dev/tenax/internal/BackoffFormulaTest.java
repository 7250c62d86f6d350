package dev.tenax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.property.Gen;
import dev.tenax.property.PropertyRunner;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link RetrySpec#backoffNanos}: {@code min(waitMax, waitInitial * base^(n-1) + random * waitJitter)}. */
class BackoffFormulaTest {

    /** One point of the formula's domain. */
    record Point(
            Duration waitInitial, Duration waitMax, Duration waitJitter, double base, int n, int k, double random) {
        RetrySpec spec() {
            RetrySpec.Builder b = new RetrySpec.Builder();
            b.waitInitial(waitInitial);
            b.waitMax(waitMax);
            b.waitJitter(waitJitter);
            b.waitExpBase(base);
            return b.build();
        }
    }

    /** Every valid setting: waitInitial <= waitMax, any jitter, base in [1, 1e6] (and the largest double). */
    private static final Gen<Point> DOMAIN = random -> {
        Duration a = Gen.durations().draw(random);
        Duration b = Gen.durations().draw(random);
        Duration initial = random.nextInt(8) == 0 ? Duration.ZERO : min(a, b);
        Duration max = random.nextInt(16) == 0 ? initial : max(a, b);
        Duration jitter =
                random.nextInt(8) == 0 ? Duration.ZERO : Gen.durations().draw(random);
        double base =
                random.nextInt(32) == 0 ? Double.MAX_VALUE : Gen.doubles(1, 1e6).draw(random);
        int n = Gen.ints(1, Integer.MAX_VALUE).draw(random);
        int k = Gen.ints(0, Integer.MAX_VALUE - n).draw(random);
        return new Point(initial, max, jitter, base, n, k, Gen.unitDoubles().draw(random));
    };

    @Test
    void jitterStillAppliesAfterRetry1024WhenWaitInitialIsZero() {
        // Regression, issue 12: 0 x base^(n-1) was 0 x infinity = NaN past retry 1024, and the NaN wait became 0
        RetrySpec spec = spec(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(1), 2);

        assertThat(spec.backoffNanos(1, 0.5)).isEqualTo(500_000_000L);
        assertThat(spec.backoffNanos(1025, 0.5)).isEqualTo(500_000_000L);
        assertThat(spec.backoffNanos(Integer.MAX_VALUE, 0.5)).isEqualTo(500_000_000L);
    }

    @Test
    void followsTheFormulaForOrdinarySettings() {
        RetrySpec spec = spec(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(1), 2);

        assertThat(spec.backoffNanos(1, 0)).isEqualTo(100_000_000L);
        assertThat(spec.backoffNanos(3, 0)).isEqualTo(400_000_000L);
        assertThat(spec.backoffNanos(3, 0.25)).isEqualTo(650_000_000L);
        assertThat(spec.backoffNanos(6, 0)).as("3.2 s").isEqualTo(3_200_000_000L);
        assertThat(spec.backoffNanos(6, 0.75)).isEqualTo(3_950_000_000L);
        assertThat(spec.backoffNanos(7, 0)).as("6.4 s, capped").isEqualTo(5_000_000_000L);
        assertThat(spec.backoffNanos(Integer.MAX_VALUE, 0.5)).isEqualTo(5_000_000_000L);
    }

    @Test
    void aWaitExactlyAtWaitMaxIsWaitMax() {
        RetrySpec spec = spec(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ZERO, 2);

        assertThat(spec.backoffNanos(2, 0)).isEqualTo(2_000_000_000L);
        assertThat(spec.backoffNanos(2, 0.999)).isEqualTo(2_000_000_000L);
    }

    @Test
    void aWaitMaxThatNoDoubleRepresentsIsNeverExceeded() {
        // 2^54 - 1 ns rounds up to 2^54 as a double: the comparison must not let the rounded value through
        Duration max = Duration.ofNanos((1L << 54) - 1);
        RetrySpec spec = spec(max, max, Duration.ZERO, 1);

        assertThat(spec.backoffNanos(1, 0)).isEqualTo((1L << 54) - 1);
    }

    @Test
    void oneAttemptIsTheSmallestLimitAndTheTimeoutIsReadBack() {
        RetrySpec.Builder builder = new RetrySpec.Builder();
        builder.attempts(1);

        assertThat(builder.build().maxAttempts).isEqualTo(1);
        assertThat(builder.timeout()).isEqualTo(RetrySpec.DEFAULT_TIMEOUT);
        builder.noTimeout();
        assertThat(builder.timeout()).isNull();
    }

    @Test
    void theWaitIsFiniteBoundedAndAtLeastTheExponentialPartOverTheWholeDomain() {
        PropertyRunner.forAll(0x7e4a_0001L, DOMAIN, p -> {
            RetrySpec spec = p.spec();
            long wait = spec.backoffNanos(p.n(), p.random());
            double exponential = exponential(spec, p.n());

            assertThat(wait).isBetween(0L, spec.waitMaxNanos);
            assertThat(wait)
                    .isGreaterThanOrEqualTo(exponential >= spec.waitMaxNanos ? spec.waitMaxNanos : (long) exponential);
            double upper = exponential + p.random() * spec.waitJitterNanos;
            if (upper < spec.waitMaxNanos) {
                assertThat((double) wait).isLessThanOrEqualTo(upper);
            }
        });
    }

    @Test
    void theWaitNeverShrinksAsRetriesGoOn() {
        PropertyRunner.forAll(0x7e4a_0002L, DOMAIN, p -> {
            RetrySpec spec = p.spec();
            long now = spec.backoffNanos(p.n(), p.random());

            assertThat(spec.backoffNanos(p.n() + p.k(), p.random())).isGreaterThanOrEqualTo(now);
            if (p.n() < Integer.MAX_VALUE) {
                assertThat(spec.backoffNanos(p.n() + 1, p.random())).isGreaterThanOrEqualTo(now);
            }
        });
    }

    @Test
    void theJitterIsNeverLostWhileTheWaitIsBelowWaitMax() {
        PropertyRunner.forAll(0x7e4a_0003L, DOMAIN, p -> {
            RetrySpec spec = p.spec();
            long withJitter = spec.backoffNanos(p.n(), p.random());
            long jitter = (long) (p.random() * spec.waitJitterNanos);

            // the exponential part is 0 when waitInitial is: the wait is then exactly the jitter, capped
            if (spec.waitInitialNanos == 0) {
                assertThat(withJitter).isEqualTo(Math.min(spec.waitMaxNanos, jitter));
            }
            assertThat(withJitter).isGreaterThanOrEqualTo(Math.min(spec.waitMaxNanos, jitter));
        });
    }

    @Test
    void theDomainGeneratorReachesItsCorners() {
        SplittableRandom random = new SplittableRandom(1);
        int zeroInitial = 0;
        int hugeN = 0;
        int beyondLongNanos = 0;
        for (int i = 0; i < 10_000; i++) {
            Point p = DOMAIN.draw(random);
            zeroInitial += p.waitInitial().isZero() ? 1 : 0;
            hugeN += p.n() > 1_024 ? 1 : 0;
            beyondLongNanos += p.waitMax().compareTo(Duration.ofNanos(Long.MAX_VALUE)) > 0 ? 1 : 0;
        }
        assertThat(zeroInitial).isGreaterThan(500);
        assertThat(hugeN).isGreaterThan(5_000);
        assertThat(beyondLongNanos).isGreaterThan(500);
    }

    /** The exponential part as the formula defines it: 0 when waitInitial is 0, whatever base^(n-1) is. */
    private static double exponential(RetrySpec spec, int n) {
        return spec.waitInitialNanos == 0 ? 0 : spec.waitInitialNanos * Math.pow(spec.waitExpBase, n - 1.0);
    }

    private static RetrySpec spec(Duration initial, Duration max, Duration jitter, double base) {
        return new Point(initial, max, jitter, base, 1, 0, 0).spec();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
