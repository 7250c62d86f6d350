package dev.tenax.internal.http;

import dev.tenax.GiveUpReason;
import dev.tenax.RetryContext;
import dev.tenax.RetryDecision;
import dev.tenax.http.HttpRetryPredicate;
import dev.tenax.http.spi.FailureClassifier;
import dev.tenax.http.spi.HeaderLookup;
import dev.tenax.http.spi.HttpAttemptContext;
import dev.tenax.http.spi.HttpRequestInfo;
import dev.tenax.http.spi.ResponseAccess;
import dev.tenax.http.spi.TransportFailureKind;
import dev.tenax.internal.AttemptContext;
import dev.tenax.internal.Durations;
import dev.tenax.internal.Faults;
import dev.tenax.internal.Judge;
import dev.tenax.internal.Switches;
import dev.tenax.internal.UnlimitedBudget;
import dev.tenax.internal.Verdict;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP rules applied to one call: classify the outcome (statuses, transport failures, or the user's
 * predicate), then the safety rules (idempotency, replayable body), then the server's hint and the long-hint
 * policy. The engine adds attempts, deadline and budget.
 */
public final class HttpJudge<R> implements Judge<R> {
    /** What a blocking call throws when interrupted while waiting. */
    public enum InterruptAs {
        INTERRUPTED_IO,
        INTERRUPTED
    }

    private final HttpRules rules;
    private final HttpRequestInfo request;
    private final ResponseAccess<R> responses;
    private final FailureClassifier failures;
    private final InterruptAs interruptAs;
    private final Switches switches;
    private @Nullable String target;

    /**
     * @param switches the call's switches, read once when it started (a call never re-reads them)
     */
    public HttpJudge(
            HttpRules rules,
            HttpRequestInfo request,
            ResponseAccess<R> responses,
            FailureClassifier failures,
            InterruptAs interruptAs,
            Switches switches) {
        this.rules = rules;
        this.request = request;
        this.responses = responses;
        this.failures = failures;
        this.interruptAs = interruptAs;
        this.switches = switches;
    }

    /** The per-host budget key; not built when the budget is unlimited, which never reads it. */
    public String budgetKey() {
        return rules.spec().budget == UnlimitedBudget.INSTANCE ? "" : request.origin();
    }

    /** Wraps the engine's context for the adapter's attempt. */
    public HttpAttemptContext context(AttemptContext engine) {
        return new HttpAttemptContext() {
            @Override
            public long remainingNanos() {
                return engine.remainingNanos();
            }

            @Override
            public long timeoutNanos() {
                return engine.timeoutNanos();
            }

            @Override
            public int attemptNumber() {
                return engine.attemptNumber();
            }

            @Override
            public @Nullable String attemptHeader() {
                // re-sends only: the first attempt goes out as the caller wrote it
                return engine.attemptNumber() > 1 ? rules.attemptHeader() : null;
            }

            @Override
            public boolean retryOnHeaders(int status, HeaderLookup headers) {
                Verdict verdict;
                try {
                    verdict = judgeResponse(status, headers, engine.attemptNumber());
                } catch (Throwable predicateBug) {
                    Faults.rethrowIfVirtualMachineError(predicateBug);
                    verdict = Verdict.ACCEPT; // the response goes to the caller, as with any rule that throws
                }
                return engine.decideEarly(verdict);
            }
        };
    }

    @Override
    public Verdict judgeResult(R response, RetryContext call) {
        return judgeResponse(
                responses.status(response), name -> responses.header(response, name), call.attemptNumber());
    }

    @Override
    public Verdict judgeFailure(Throwable failure, RetryContext call) {
        if (callCancelled()) {
            return Verdict.stop(GiveUpReason.CANCELLED);
        }
        int attemptNumber = call.attemptNumber();
        TransportFailureKind kind = classify(failure);
        RetryDecision decision = kind == TransportFailureKind.PERMANENT ? RetryDecision.stop() : RetryDecision.retry();
        HttpRetryPredicate predicate = rules.predicate();
        if (predicate != null) {
            decision = ask(
                    predicate,
                    new Outcome(request, attemptNumber, 0, name -> null, failure, kind, ServerHints.NONE, decision));
        }
        if (!decision.isRetry()) {
            return Verdict.stop(GiveUpReason.NOT_RETRYABLE);
        }
        if (kind != TransportFailureKind.TRANSIENT_NOT_SENT) {
            Verdict unsafe = safety();
            if (unsafe != null) {
                return unsafe;
            }
        }
        return waitFor(decision, ServerHints.NONE, false);
    }

    Verdict judgeResponse(int status, HeaderLookup headers, int attemptNumber) {
        boolean listed = rules.retriesStatus(status);
        HttpRetryPredicate predicate = rules.predicate();
        long hint = listed || predicate != null
                ? ServerHints.resolve(headers, rules.spec().timing.currentTimeMillis())
                : ServerHints.NONE;
        RetryDecision decision = !listed
                ? RetryDecision.stop()
                : hint == ServerHints.NONE
                        ? RetryDecision.retry()
                        : RetryDecision.retryAfter(java.time.Duration.ofNanos(hint));
        if (predicate != null) {
            decision = ask(predicate, new Outcome(request, attemptNumber, status, headers, null, null, hint, decision));
        }
        if (!decision.isRetry()) {
            return Verdict.ACCEPT;
        }
        Verdict unsafe = safety();
        if (unsafe != null) {
            return unsafe;
        }
        // a 429 that says when to come back is the server pacing its clients, not failing
        return waitFor(decision, hint, status == 429 && hint != ServerHints.NONE);
    }

    /** A response arrived (or may have), so the request may have been processed: may it be sent again? */
    private @Nullable Verdict safety() {
        // asked at each judgement: after a redirect the view is the last hop's request (a GET after a 303)
        if (!Idempotency.mayResend(request, rules.retryNonIdempotent())) {
            return Verdict.stop(GiveUpReason.NOT_IDEMPOTENT);
        }
        if (!request.bodyReplayable()) {
            return Verdict.stop(GiveUpReason.BODY_NOT_REPLAYABLE);
        }
        return null;
    }

    /**
     * Turns a retry decision into a verdict; a chosen wait is a server-driven wait: jitter and the long rule.
     *
     * @param paced whether the server is pacing (a 429 with a hint): a retry that waits as told is then free
     */
    private Verdict waitFor(RetryDecision decision, long hint, boolean paced) {
        long serverWait = decision.chosenWait().map(Durations::toNanos).orElse(hint);
        if (serverWait == ServerHints.NONE) {
            return Verdict.RETRY;
        }
        long max = rules.maxRetryAfterNanos();
        if (serverWait > max && !switches.testing) {
            switch (rules.longRetryAfter()) {
                case GIVE_UP:
                    return Verdict.stop(GiveUpReason.HINT_TOO_LONG, serverWait);
                case CLAMP:
                    return Verdict.retryAfter(max, serverWait, paced);
                case IGNORE:
                default:
                    return Verdict.RETRY;
            }
        }
        long jitter = (long) (rules.spec().timing.nextRandom() * rules.spec().waitJitterNanos);
        return Verdict.retryAfter(Durations.saturatedAdd(serverWait, jitter), serverWait, paced);
    }

    private TransportFailureKind classify(Throwable failure) {
        TransportFailureKind kind;
        try {
            kind = failures.classify(failure);
        } catch (Throwable classifierBug) {
            Faults.rethrowIfVirtualMachineError(classifierBug);
            Faults.attach(failure, classifierBug);
            return TransportFailureKind.PERMANENT;
        }
        return kind != null ? kind : JdkFailureRules.classify(failure);
    }

    private static RetryDecision ask(HttpRetryPredicate predicate, Outcome outcome) {
        try {
            RetryDecision decision = predicate.decide(outcome);
            return decision == null ? RetryDecision.stop() : decision;
        } catch (Throwable predicateBug) {
            // a broken predicate must not hide the failure it was asked about
            Faults.rethrowIfVirtualMachineError(predicateBug);
            outcome.failure().ifPresent(f -> Faults.attach(f, predicateBug));
            return RetryDecision.stop();
        }
    }

    @Override
    public @Nullable BooleanSupplier cancellation() {
        return request.cancellable() ? request::isCancelled : null;
    }

    @Override
    public Throwable cancelled(@Nullable Throwable lastFailure) {
        // what the clients themselves throw for a cancelled call
        IOException cancelled = new IOException("Canceled");
        if (lastFailure != null) {
            cancelled.addSuppressed(lastFailure);
        }
        return cancelled;
    }

    @Override
    public @Nullable R release(R response) {
        try {
            return responses.releaseKeeping(response);
        } catch (RuntimeException ignored) {
            // releasing is best effort: a failure to drain only costs the connection
            return null;
        }
    }

    @Override
    public boolean releasesResults() {
        return true;
    }

    @Override
    public boolean clientTimesAttempts() {
        return true;
    }

    @Override
    public long outerTimeoutNanos() {
        long outer = request.callTimeoutNanos();
        return outer > 0 ? outer : -1;
    }

    /** Whether the client's call was cancelled: then nothing is retried, whatever the outcome says. */
    private boolean callCancelled() {
        return request.cancellable() && request.isCancelled();
    }

    @Override
    public int statusOf(R response) {
        return responses.status(response);
    }

    @Override
    public String target() {
        String described = target;
        if (described == null) {
            // built on the first retry or give-up only: a call that succeeds never pays for it
            described = Targets.describe(request.method(), request.uri());
            target = described;
        }
        return described;
    }

    @Override
    public Throwable interrupted(@Nullable Throwable lastFailure, InterruptedException interrupt) {
        if (interruptAs == InterruptAs.INTERRUPTED) {
            if (lastFailure != null) {
                interrupt.addSuppressed(lastFailure);
            }
            return interrupt;
        }
        InterruptedIOException io = new InterruptedIOException("interrupted while waiting to retry " + target());
        io.initCause(interrupt);
        if (lastFailure != null) {
            io.addSuppressed(lastFailure);
        }
        return io;
    }
}
