package dev.tenax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.property.Gen;
import dev.tenax.property.PropertyRunner;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The saturating conversions, against exact arithmetic on {@link BigInteger}. */
class DurationsTest {
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

    record Pair(long a, long b) {}

    private static final Gen<Pair> LONG_PAIRS = Gen.combine(
            Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), Pair::new);

    @Test
    void conversionsSaturateAtTheEndsOfLong() {
        Duration largest = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        Duration smallest = Duration.ofSeconds(Long.MIN_VALUE);

        assertThat(Durations.toNanos(largest)).isEqualTo(Long.MAX_VALUE);
        assertThat(Durations.toNanos(smallest)).isEqualTo(Long.MIN_VALUE);
        assertThat(Durations.toMillis(largest)).isEqualTo(Long.MAX_VALUE);
        assertThat(Durations.toMillis(smallest)).isEqualTo(Long.MIN_VALUE);
        assertThat(Durations.toMillisRoundedUp(Duration.ofDays(1_000_000))).isEqualTo(86_400_000_000_000L);
        assertThat(Durations.toMillisRoundedUp(Duration.ofNanos(Long.MAX_VALUE)))
                .isEqualTo(9_223_372_036_855L);
        assertThat(Durations.toMillisRoundedUp(largest)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void millisecondsRoundDownOrUpAsNamed() {
        assertThat(Durations.toMillis(Duration.ofNanos(1_999_999))).isEqualTo(1);
        assertThat(Durations.toMillisRoundedUp(Duration.ofNanos(1_000_001))).isEqualTo(2);
        assertThat(Durations.toMillisRoundedUp(Duration.ofMillis(3))).isEqualTo(3);
        assertThat(Durations.toMillis(Duration.ofNanos(-1))).isEqualTo(-1);
        assertThat(Durations.toMillisRoundedUp(Duration.ofNanos(-1))).isZero();
    }

    @Test
    void arithmeticSaturatesInsteadOfWrappingAround() {
        assertThat(Durations.saturatedAdd(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Durations.saturatedAdd(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
        assertThat(Durations.saturatedAdd(Long.MAX_VALUE, Long.MIN_VALUE)).isEqualTo(-1);
        assertThat(Durations.saturatedMultiply(Long.MAX_VALUE / 2 + 1, 2)).isEqualTo(Long.MAX_VALUE);
        assertThat(Durations.saturatedMultiply(Long.MIN_VALUE, -1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Durations.saturatedMultiply(Long.MIN_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
        assertThat(Durations.saturatedMultiply(-3, Long.MAX_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(Durations.saturatedMultiply(-3, 7)).isEqualTo(-21);
    }

    @Test
    void conversionsAreExactOrSaturatedForEveryDuration() {
        PropertyRunner.forAll(0xd0_0001L, Gen.signedDurations(), d -> {
            BigInteger nanos = BigInteger.valueOf(d.getSeconds())
                    .multiply(BigInteger.valueOf(1_000_000_000))
                    .add(BigInteger.valueOf(d.getNano()));

            assertThat(Durations.toNanos(d)).isEqualTo(clamp(nanos));
            assertThat(Durations.toMillis(d)).isEqualTo(clamp(divide(nanos, RoundingMode.FLOOR)));
            assertThat(Durations.toMillisRoundedUp(d)).isEqualTo(clamp(divide(nanos, RoundingMode.CEILING)));
        });
    }

    @Test
    void additionIsExactOrSaturated() {
        PropertyRunner.forAll(
                0xd0_0002L,
                LONG_PAIRS,
                p -> assertThat(Durations.saturatedAdd(p.a(), p.b()))
                        .isEqualTo(clamp(BigInteger.valueOf(p.a()).add(BigInteger.valueOf(p.b())))));
    }

    @Test
    void multiplicationIsExactOrSaturated() {
        PropertyRunner.forAll(
                0xd0_0003L,
                LONG_PAIRS,
                p -> assertThat(Durations.saturatedMultiply(p.a(), p.b()))
                        .isEqualTo(clamp(BigInteger.valueOf(p.a()).multiply(BigInteger.valueOf(p.b())))));
    }

    private static BigInteger divide(BigInteger nanos, RoundingMode mode) {
        return new java.math.BigDecimal(nanos)
                .divide(new java.math.BigDecimal(MILLION), 0, mode)
                .toBigIntegerExact();
    }

    private static long clamp(BigInteger value) {
        return value.max(MIN).min(MAX).longValueExact();
    }
}
