package dev.tenax.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The failures of one call's earlier attempts, attached to the failure the call finally throws. Memory is bounded
 * on long retry runs: the first failure and the {@value #KEEP_RECENT} most recent ones are kept, and a marker says
 * how many in between were dropped (one marker per instance, even when the same instance ends many calls). An
 * instance is attached at most once, never to itself, and never where it would close a cycle (through causes and
 * suppressed, however long), so that operations which throw the same pre-allocated exceptions on every call do not
 * grow them call after call. Confined to one call; not thread-safe.
 */
final class FailureChain {
    /** The most recent earlier failures kept besides the first one. */
    static final int KEEP_RECENT = 31;

    private @Nullable Throwable last;
    private int lastAttempt;
    private @Nullable Throwable first;
    private @Nullable Throwable @Nullable [] recent;
    private static final int[] NONE = new int[0];

    private int[] recentAttempts = NONE;
    private int recentCount;
    private int recentNext;
    private long dropped;
    private int firstDroppedAttempt;
    private int lastDroppedAttempt;

    /** Records the failure of attempt {@code attempt} (1-based). */
    void add(Throwable failure, int attempt) {
        Throwable previous = last;
        int previousAttempt = lastAttempt;
        last = failure;
        lastAttempt = attempt;
        if (previous == null) {
            return;
        }
        if (first == null) {
            first = previous;
            return;
        }
        @Nullable Throwable @Nullable [] ring = recent;
        if (ring == null) {
            ring = new Throwable[KEEP_RECENT];
            recentAttempts = new int[KEEP_RECENT];
            recent = ring;
        }
        if (recentCount == KEEP_RECENT) {
            if (dropped == 0) {
                firstDroppedAttempt = recentAttempts[recentNext];
            }
            lastDroppedAttempt = recentAttempts[recentNext];
            dropped++;
        } else {
            recentCount++;
        }
        ring[recentNext] = previous;
        recentAttempts[recentNext] = previousAttempt;
        recentNext = (recentNext + 1) % KEEP_RECENT;
    }

    /** The latest failure, or {@code null} before the first. */
    @Nullable
    Throwable last() {
        return last;
    }

    /**
     * Attaches the earlier failures to {@code failure} (normally the latest), oldest first, skipping any that is
     * {@code failure} itself, is already attached to it, or has {@code failure} attached (a cycle).
     *
     * @return {@code failure}
     */
    Throwable attachTo(Throwable failure) {
        Set<Throwable> attached = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean marked = false;
        for (Throwable s : failure.getSuppressed()) {
            attached.add(s);
            marked |= s instanceof OmittedFailures;
        }
        attached.add(failure);
        attach(failure, first, attached);
        if (dropped > 0 && !marked) {
            // a reused instance that already carries a marker from an earlier call gets no second one
            failure.addSuppressed(new OmittedFailures(dropped, firstDroppedAttempt, lastDroppedAttempt));
        }
        @Nullable Throwable @Nullable [] ring = recent;
        if (ring != null) {
            int oldest = recentCount < KEEP_RECENT ? 0 : recentNext;
            for (int i = 0; i < recentCount; i++) {
                attach(failure, ring[(oldest + i) % KEEP_RECENT], attached);
            }
        }
        return failure;
    }

    private static void attach(Throwable failure, @Nullable Throwable earlier, Set<Throwable> attached) {
        if (earlier == null || !attached.add(earlier) || !Faults.canAttach(failure, earlier)) {
            return;
        }
        failure.addSuppressed(earlier);
    }

    /** The marker that stands for the failures dropped from the middle of a long chain. */
    static final class OmittedFailures extends Exception {
        private static final long serialVersionUID = 1L;

        OmittedFailures(long count, int fromAttempt, int toAttempt) {
            super(
                    count + " earlier attempt failure" + (count == 1 ? "" : "s") + " omitted (attempts " + fromAttempt
                            + " to " + toAttempt + "); the first and the " + KEEP_RECENT + " most recent are kept",
                    null,
                    false,
                    false);
        }
    }
}
