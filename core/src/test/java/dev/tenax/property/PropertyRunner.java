package dev.tenax.property;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A small property-based test runner: draws {@link #tries()} samples from a generator with a seeded random and
 * checks each one. A failure names the seed, the try and the sample, so it can be reproduced exactly.
 *
 * <p>Seeds are fixed per property, so the build is reproducible. System properties change that for one run:
 * {@code -Dtenax.property.seed=random} draws a fresh seed (printed, and named in any failure),
 * {@code -Dtenax.property.seed=1234} replays one, {@code -Dtenax.property.tries=100000} runs more tries (the
 * mutation profile runs fewer).
 *
 * <p>Why not jqwik: from 1.10 on, jqwik's authors ask that it not be used by AI coding agents, and this project
 * is partly written by them. Generators here bias towards edge values (bounds, zero, one, powers of two), which
 * is what finds overflow defects; there is no shrinking.
 */
public final class PropertyRunner {
    /** Tries per property unless {@code tenax.property.tries} says otherwise. */
    public static final int DEFAULT_TRIES = 10_000;

    private PropertyRunner() {}

    /** How many samples each property checks in this run. */
    public static int tries() {
        String configured = System.getProperty("tenax.property.tries");
        return configured == null || configured.isBlank() ? DEFAULT_TRIES : Integer.parseInt(configured.strip());
    }

    /**
     * Checks {@code property} on {@link #tries()} samples of {@code generator}.
     *
     * @param fixedSeed the seed of the normal build
     * @throws AssertionError the first failure, with the seed, the try and the sample in its message
     */
    public static <T> void forAll(long fixedSeed, Gen<T> generator, Consumer<? super T> property) {
        long seed = seed(fixedSeed);
        int tries = tries();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 1; i <= tries; i++) {
            T sample = generator.draw(random);
            try {
                property.accept(sample);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(
                        String.format(
                                Locale.ROOT,
                                "property falsified at try %d of %d (re-run with -Dtenax.property.seed=%d): %s%n%s",
                                i,
                                tries,
                                seed,
                                sample,
                                failure.getMessage()),
                        failure);
            }
        }
    }

    private static long seed(long fixedSeed) {
        String configured = System.getProperty("tenax.property.seed");
        if (configured == null || configured.isBlank()) {
            return fixedSeed;
        }
        if (configured.strip().equalsIgnoreCase("random")) {
            long seed = ThreadLocalRandom.current().nextLong();
            System.out.println("tenax.property.seed=" + seed);
            return seed;
        }
        return Long.parseLong(configured.strip());
    }
}
