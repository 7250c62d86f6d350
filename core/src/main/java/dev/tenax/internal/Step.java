package dev.tenax.internal;

import dev.tenax.GiveUpReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the decision code says after an attempt: accept its outcome, give up for a reason, or retry after a wait.
 * Both engines branch on this one type. Accepting and giving up allocate nothing; a retry carries its wait.
 */
sealed interface Step {
    /** The outcome is the call's result. */
    Step ACCEPT = new Accept();

    /** The step that gives up for {@code reason} (a shared instance). */
    static Step giveUp(GiveUpReason reason) {
        Step step = GiveUp.OF.get(reason);
        return step != null ? step : new GiveUp(reason);
    }

    /** Retry after {@code waitNanos}. */
    static Step retry(long waitNanos) {
        return new Retry(waitNanos);
    }

    /** Accept the outcome. */
    record Accept() implements Step {}

    /** Stop retrying; the last outcome is the call's. */
    record GiveUp(GiveUpReason reason) implements Step {
        private static final Map<GiveUpReason, GiveUp> OF = create();

        private static Map<GiveUpReason, GiveUp> create() {
            Map<GiveUpReason, GiveUp> steps = new EnumMap<>(GiveUpReason.class);
            for (GiveUpReason reason : GiveUpReason.values()) {
                steps.put(reason, new GiveUp(reason));
            }
            return steps;
        }
    }

    /** Wait {@code waitNanos}, then make the next attempt. */
    record Retry(long waitNanos) implements Step {}
}
