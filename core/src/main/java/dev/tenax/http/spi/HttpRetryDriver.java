package dev.tenax.http.spi;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.internal.AsyncEngine;
import dev.tenax.internal.BlockingEngine;
import dev.tenax.internal.Nesting;
import dev.tenax.internal.Sneaky;
import dev.tenax.internal.Switches;
import dev.tenax.internal.http.HttpJudge;
import dev.tenax.internal.http.HttpPolicies;
import dev.tenax.internal.http.HttpRules;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * Runs an HTTP call through the core's retry engine. The one entry point of every client module: it judges each
 * response and failure, releases responses it retries, waits (blocking or not), and returns the final response
 * with its body intact, or rethrows the last failure unchanged.
 *
 * <pre>{@code
 * Response response = HttpRetryDriver.execute(policy, requestInfo, responseAccess, classifier,
 *         context -> chain.proceed(request));
 * }</pre>
 */
public final class HttpRetryDriver {
    private HttpRetryDriver() {}

    /**
     * Runs a blocking call. An interrupt while waiting ends it with an {@link InterruptedIOException}, the thread's
     * interrupt flag kept.
     *
     * @param policy the policy
     * @param request the request's view
     * @param responses how to read and release responses
     * @param failures the client's own failure types
     * @param attempt sends the request once
     * @param <R> the client's response type
     * @param <E> the client's own exception besides {@code IOException}
     * @return the final response (accepted, or the last one when the policy gave up), body intact
     * @throws IOException the last transport failure, unchanged
     * @throws E the last attempt's own exception, unchanged
     */
    public static <R, E extends Exception> R execute(
            HttpRetryPolicy policy,
            HttpRequestInfo request,
            ResponseAccess<R> responses,
            FailureClassifier failures,
            HttpAttempt<R, E> attempt)
            throws IOException, E {
        return run(policy, request, responses, failures, attempt, HttpJudge.InterruptAs.INTERRUPTED_IO);
    }

    /**
     * Runs a blocking call whose API declares {@link InterruptedException} (JDK {@code HttpClient.send}): an
     * interrupt while waiting ends it with that exception, the interrupt flag kept.
     *
     * @param policy the policy
     * @param request the request's view
     * @param responses how to read and release responses
     * @param failures the client's own failure types
     * @param attempt sends the request once
     * @param <R> the client's response type
     * @return the final response, body intact
     * @throws IOException the last transport failure, unchanged
     * @throws InterruptedException when interrupted while waiting to retry
     */
    public static <R> R executeInterruptibly(
            HttpRetryPolicy policy,
            HttpRequestInfo request,
            ResponseAccess<R> responses,
            FailureClassifier failures,
            HttpAttempt<R, InterruptedException> attempt)
            throws IOException, InterruptedException {
        return run(policy, request, responses, failures, attempt, HttpJudge.InterruptAs.INTERRUPTED);
    }

    /**
     * Runs a non-blocking call: waits are timed on the policy's scheduler and park no thread. Cancelling the
     * returned future cancels the attempt in flight and the pending wait; no further attempt is sent.
     *
     * @param policy the policy
     * @param request the request's view
     * @param responses how to read and release responses
     * @param failures the client's own failure types
     * @param attempt starts one attempt
     * @param <R> the client's response type
     * @return the final response, or the last failure
     */
    public static <R> CompletableFuture<R> executeAsync(
            HttpRetryPolicy policy,
            HttpRequestInfo request,
            ResponseAccess<R> responses,
            FailureClassifier failures,
            AsyncHttpAttempt<R> attempt) {
        HttpRules rules = HttpPolicies.rules(policy);
        Switches switches = Nesting.switchesFor(rules.spec());
        HttpJudge<R> judge =
                new HttpJudge<>(rules, request, responses, failures, HttpJudge.InterruptAs.INTERRUPTED_IO, switches);
        return AsyncEngine.execute(
                rules.spec(),
                judge,
                context -> attempt.start(judge.context(context)),
                judge.budgetKey(),
                switches,
                request.clientExecutor());
    }

    private static <R, E extends Exception> R run(
            HttpRetryPolicy policy,
            HttpRequestInfo request,
            ResponseAccess<R> responses,
            FailureClassifier failures,
            HttpAttempt<R, E> attempt,
            HttpJudge.InterruptAs interruptAs)
            throws IOException, E {
        HttpRules rules = HttpPolicies.rules(policy);
        Switches switches = Nesting.switchesFor(rules.spec());
        HttpJudge<R> judge = new HttpJudge<>(rules, request, responses, failures, interruptAs, switches);
        try {
            return BlockingEngine.execute(
                    rules.spec(), judge, context -> attempt.send(judge.context(context)), judge.budgetKey(), switches);
        } catch (Throwable t) {
            // attempts throw only IOException, E or unchecked (the judge's own: IOException or, for the
            // JDK's send, InterruptedException, its E): rethrown unchanged
            throw Sneaky.<IOException>rethrow(t);
        }
    }
}
