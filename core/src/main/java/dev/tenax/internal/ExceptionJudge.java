package dev.tenax.internal;

import dev.tenax.GiveUpReason;
import dev.tenax.RetryDecision;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The core policy's judge: results are always accepted; failures go through the user's rule. */
public final class ExceptionJudge implements Judge<@Nullable Object> {
    private final Function<? super Throwable, RetryDecision> rule;

    public ExceptionJudge(Function<? super Throwable, RetryDecision> rule) {
        this.rule = rule;
    }

    @Override
    public Verdict judgeResult(@Nullable Object result) {
        return Verdict.ACCEPT;
    }

    @Override
    public Verdict judgeFailure(Throwable failure) {
        RetryDecision decision;
        try {
            decision = rule.apply(failure);
        } catch (RuntimeException ruleFailed) {
            // a broken rule must not hide the failure it was asked about
            failure.addSuppressed(ruleFailed);
            return Verdict.stop(GiveUpReason.NOT_RETRYABLE);
        }
        if (decision == null || !decision.isRetry()) {
            return Verdict.stop(GiveUpReason.NOT_RETRYABLE);
        }
        return decision.chosenWait()
                .map(wait -> Verdict.retryAfter(Durations.toNanos(wait), -1))
                .orElse(Verdict.RETRY);
    }
}
