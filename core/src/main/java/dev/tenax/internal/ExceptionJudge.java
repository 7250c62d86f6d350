package dev.tenax.internal;

import dev.tenax.GiveUpReason;
import dev.tenax.RetryContext;
import dev.tenax.RetryDecision;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The core policy's judge: results are accepted; failures go through the user's rule. A rule that throws is
 * contained by the engine (the call then stops with the failure, the rule's throwable attached).
 */
public final class ExceptionJudge implements Judge<@Nullable Object> {
    private final BiFunction<? super Throwable, ? super RetryContext, RetryDecision> rule;

    public ExceptionJudge(BiFunction<? super Throwable, ? super RetryContext, RetryDecision> rule) {
        this.rule = rule;
    }

    @Override
    public Verdict judgeResult(@Nullable Object result, RetryContext call) {
        return Verdict.ACCEPT;
    }

    @Override
    public Verdict judgeFailure(Throwable failure, RetryContext call) {
        return verdictOf(rule.apply(failure, call));
    }

    /** The verdict for a user's decision; {@code null} counts as stop. */
    static Verdict verdictOf(@Nullable RetryDecision decision) {
        if (decision == null || !decision.isRetry()) {
            return Verdict.stop(GiveUpReason.NOT_RETRYABLE);
        }
        return decision.chosenWait()
                .map(wait -> Verdict.retryAfter(Durations.toNanos(wait), -1))
                .orElse(Verdict.RETRY);
    }
}
