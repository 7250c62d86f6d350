package dev.tenax.internal;

import dev.tenax.RetryContext;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Judges like the policy's own judge, and also retries results that {@code retryIf} accepts (tenacity's
 * {@code retry_if_result}). A result retried to exhaustion is returned unchanged.
 */
public final class ResultJudge<T extends @Nullable Object> implements Judge<T> {
    private final Judge<@Nullable Object> failures;
    private final Predicate<? super T> retryIf;

    public ResultJudge(Judge<@Nullable Object> failures, Predicate<? super T> retryIf) {
        this.failures = failures;
        this.retryIf = retryIf;
    }

    @Override
    public Verdict judgeResult(T result, RetryContext call) {
        return retryIf.test(result) ? Verdict.RETRY : Verdict.ACCEPT;
    }

    @Override
    public Verdict judgeFailure(Throwable failure, RetryContext call) {
        return failures.judgeFailure(failure, call);
    }
}
