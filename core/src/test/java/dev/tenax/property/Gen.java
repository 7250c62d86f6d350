package dev.tenax.property;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Draws one sample from a random source. The factories bias towards edge values: about one sample in eight is
 * a bound, zero, one or a power of two, where arithmetic goes wrong.
 */
@FunctionalInterface
public interface Gen<T> {
    T draw(SplittableRandom random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return random -> f.apply(draw(random));
    }

    /** Pairs of independent samples, combined by {@code f}. */
    static <A, B, R> Gen<R> combine(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
        return random -> f.apply(a.draw(random), b.draw(random));
    }

    /**
     * Longs in {@code [min, max]}: offsets of every magnitude (log-uniform) from the bounds and from zero, so
     * huge and tiny values are both common, plus edges.
     */
    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min > max");
        }
        return random -> {
            if (random.nextInt(8) == 0) {
                return edge(random, min, max);
            }
            long magnitude = random.nextLong() >>> (64 - (1 + random.nextInt(63)));
            long candidate = switch (random.nextInt(4)) {
                case 0 -> min + magnitude;
                case 1 -> max - magnitude;
                case 2 -> magnitude;
                default -> -magnitude;
            };
            boolean wrapped = (candidate < min) || (candidate > max);
            return wrapped ? uniform(random, min, max) : candidate;
        };
    }

    /** Ints in {@code [min, max]}, as {@link #longs}. */
    static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /** Doubles in {@code [0, 1)}, with 0, the largest double below 1 and 0.5 among them. */
    static Gen<Double> unitDoubles() {
        return random -> switch (random.nextInt(16)) {
            case 0 -> 0.0;
            case 1 -> Math.nextDown(1.0);
            case 2 -> 0.5;
            default -> random.nextDouble();
        };
    }

    /** Doubles in {@code [min, max]}, log-uniform over their ratio, with both bounds and their neighbours. */
    static Gen<Double> doubles(double min, double max) {
        return random -> switch (random.nextInt(16)) {
            case 0 -> min;
            case 1 -> max;
            case 2 -> Math.min(max, Math.nextUp(min));
            default -> Math.min(max, min * Math.pow(max / min, random.nextDouble()));
        };
    }

    /**
     * Durations from zero to {@code Duration}'s own maximum: mostly within {@code long} nanoseconds
     * (log-uniform), sometimes far beyond it (days by the million, the largest Duration).
     */
    static Gen<Duration> durations() {
        Gen<Long> nanos = longs(0, Long.MAX_VALUE);
        return random -> switch (random.nextInt(16)) {
            case 0 -> Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
            case 1 -> Duration.ofDays(1_000_000);
            case 2 -> Duration.ofSeconds(random.nextLong(Long.MAX_VALUE / 1_000_000_000L, Long.MAX_VALUE));
            default -> Duration.ofNanos(nanos.draw(random));
        };
    }

    /** Any Duration, negative ones included: {@link #durations()}, their negations, and any seconds and nanos. */
    static Gen<Duration> signedDurations() {
        Gen<Duration> nonNegative = durations();
        Gen<Long> seconds = longs(Long.MIN_VALUE, Long.MAX_VALUE);
        Gen<Long> nanos = longs(0, 999_999_999);
        return random -> switch (random.nextInt(3)) {
            case 0 -> nonNegative.draw(random);
            case 1 -> {
                Duration d = nonNegative.draw(random);
                yield d.getSeconds() == Long.MAX_VALUE && d.getNano() > 0
                        ? Duration.ofSeconds(Long.MIN_VALUE)
                        : d.negated();
            }
            default -> Duration.ofSeconds(seconds.draw(random), nanos.draw(random));
        };
    }

    /** Lists of 0 to {@code maxSize} samples. */
    static <T> Gen<List<T>> lists(Gen<T> element, int maxSize) {
        return random -> {
            int size = random.nextInt(maxSize + 1);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(element.draw(random));
            }
            return list;
        };
    }

    private static long uniform(SplittableRandom random, long min, long max) {
        if (max < Long.MAX_VALUE) {
            return random.nextLong(min, max + 1);
        }
        return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1;
    }

    private static long edge(SplittableRandom random, long min, long max) {
        long[] candidates = {min, max, min + 1, max - 1, 0, 1, 1L << random.nextInt(63), (1L << random.nextInt(63)) - 1
        };
        for (int tries = 0; tries < 8; tries++) {
            long c = candidates[random.nextInt(candidates.length)];
            if (c >= min && c <= max) {
                return c;
            }
        }
        return min;
    }
}
