package dev.tenax.apache;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.http.spi.HttpAttemptContext;
import dev.tenax.http.spi.HttpRetryDriver;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.support.BasicRequestBuilder;
import org.jspecify.annotations.Nullable;

/**
 * One request through {@link AsyncRetryExecHandler}. Each attempt proceeds down the chain; when a response's head
 * arrives the engine decides at once whether it will be retried. A retried response's body is discarded and its
 * connection returned to the pool before the wait. Any other response ends the engine's work right there (so its
 * events precede the caller's future) and goes to the caller's callback; whatever happens to that exchange
 * afterwards is the caller's, never retried.
 *
 * <p>Waits are timed by the engine's scheduler, whose thread then starts the next attempt: {@code chain.proceed}
 * only initiates an exchange (HttpClient's own retry element calls it from its scheduler thread too), so no
 * thread, I/O reactor or other, is held while a call waits.
 */
final class AsyncRetryExchange {
    private final HttpRequest request;
    private final @Nullable AsyncEntityProducer entityProducer;
    private final AsyncExecChain.Scope scope;
    private final AsyncExecChain chain;
    private final AsyncExecCallback callback;
    private final @Nullable RequestConfig config;
    private volatile @Nullable CompletableFuture<HttpResponse> result;

    /**
     * Completes when the engine is done with the call (its give-up event, if any, sent): the caller's exchange
     * completes only after it, so that events precede the caller's future whichever thread the engine ran on.
     */
    private final CompletableFuture<@Nullable Void> engineDone = new CompletableFuture<>();

    /** Only the engine's thread of the moment touches it: attempts run one after another. */
    private boolean resend;

    AsyncRetryExchange(
            HttpRequest request,
            @Nullable AsyncEntityProducer entityProducer,
            AsyncExecChain.Scope scope,
            AsyncExecChain chain,
            AsyncExecCallback callback) {
        this.request = request;
        this.entityProducer = entityProducer;
        this.scope = scope;
        this.chain = chain;
        this.callback = callback;
        this.config = scope.clientContext.getRequestConfig();
    }

    /** Starts the first attempt (on the caller's thread, as HttpClient's own first attempt). */
    void start(HttpRetryPolicy policy) {
        ApacheRequestInfo info = new ApacheRequestInfo(
                request,
                scope.route,
                entityProducer == null || entityProducer.isRepeatable(),
                scope.cancellableDependency::isCancelled);
        CompletableFuture<HttpResponse> started = HttpRetryDriver.executeAsync(
                policy, info, AsyncResponses.INSTANCE, ApacheFailures.INSTANCE, this::attempt);
        result = started;
        // the callback is the end of the line: nothing reads the dependent future
        CompletableFuture<HttpResponse> unused = started.whenComplete((response, failure) -> finish(started, failure));
    }

    private CompletableFuture<HttpResponse> attempt(HttpAttemptContext context) {
        CompletableFuture<HttpResponse> outcome = new CompletableFuture<>();
        if (scope.cancellableDependency.isCancelled()) {
            outcome.completeExceptionally(new CancellationException("Request execution cancelled"));
            return outcome;
        }
        if (resend) {
            scope.execCount.incrementAndGet();
            if (entityProducer != null) {
                // rewinds the body, so that this attempt sends all of it again
                entityProducer.releaseResources();
            }
        }
        resend = true;
        AttemptTimeouts.apply(scope.clientContext, config, context.timeoutNanos());
        AttemptCancellation cancellation = new AttemptCancellation();
        AttemptCancellation.dependOn(scope.cancellableDependency, cancellation);
        try {
            // a copy, as HttpClient's own retry element sends: downstream elements add headers to what they get
            chain.proceed(
                    ApacheRequestInfo.numbered(BasicRequestBuilder.copy(request).build(), context),
                    entityProducer,
                    attemptScope(cancellation),
                    new AttemptCallback(context, outcome));
        } catch (HttpException | IOException | RuntimeException e) {
            outcome.completeExceptionally(e);
        }
        return outcome;
    }

    /** The call's scope, but the attempt's elements register what they start with {@code cancellation}. */
    private AsyncExecChain.Scope attemptScope(AttemptCancellation cancellation) {
        return new AsyncExecChain.Scope(
                scope.exchangeId,
                scope.route,
                scope.originalRequest,
                cancellation,
                scope.clientContext,
                scope.execRuntime,
                scope.scheduler,
                scope.execCount);
    }

    /** The engine is done. A response it accepted is already the caller's; anything else ends the call here. */
    private void finish(CompletableFuture<HttpResponse> done, @Nullable Throwable thrown) {
        scope.clientContext.setRequestConfig(config);
        engineDone.complete(null);
        if (done.isCancelled()) {
            callback.failed(new CancellationException("Request execution cancelled"));
            return;
        }
        if (thrown == null) {
            return; // HttpClient completes the caller's exchange
        }
        callback.failed(asException(thrown));
    }

    private static Exception asException(Throwable thrown) {
        Throwable failure =
                thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        return failure instanceof Exception e ? e : new IllegalStateException(failure);
    }

    /** Lets a cancel of the caller's future reach the engine, and so the pending wait, between attempts. */
    private void cancelThroughEngine() {
        AttemptCancellation.dependOn(scope.cancellableDependency, () -> {
            CompletableFuture<HttpResponse> started = result;
            // before the first attempt returned, the next attempt sees the cancel by itself
            return started != null && started.cancel(false);
        });
    }

    private final class AttemptCallback implements AsyncExecCallback {
        private final HttpAttemptContext context;
        private final CompletableFuture<HttpResponse> outcome;
        private volatile @Nullable HttpResponse discarded;
        private volatile @Nullable BoundedDiscard discarding;
        /** Set by whichever ends this (retried) attempt first: its body's end, its failure, or the abandon. */
        private final AtomicBoolean settled = new AtomicBoolean();
        /**
         * Set once this attempt's response is the caller's: its exchange is the call's last. Per attempt, not per
         * call: a late failure report of an earlier, abandoned attempt must still be ignored after a later attempt
         * handed its response over (it once discarded the later attempt's connection, failing the call).
         */
        private volatile boolean handedOver;
        /**
         * What the caller's exchange is told next waits for: the engine's end and, when the engine was still
         * judging the response on another thread as it arrived, the caller's deferred part of it (its head or
         * its body's end). Written on the I/O thread before the exchange's end, which reads it.
         */
        private volatile CompletableFuture<?> delivered = engineDone;

        AttemptCallback(HttpAttemptContext context, CompletableFuture<HttpResponse> outcome) {
            this.context = context;
            this.outcome = outcome;
        }

        @Override
        public @Nullable AsyncDataConsumer handleResponse(HttpResponse head, @Nullable EntityDetails entityDetails)
                throws HttpException, IOException {
            if (context.retryOnHeaders(
                    head.getCode(), name -> ApacheRequestInfo.firstValue(head.getFirstHeader(name)))) {
                discarded = head;
                if (entityDetails == null) {
                    return null;
                }
                // a body that does not come at once is not waited for: the connection goes instead
                BoundedDiscard discard = new BoundedDiscard(() -> abandon(head));
                discarding = discard;
                return discard;
            }
            handedOver = true;
            outcome.complete(head);
            if (engineDone.isDone()) {
                return callback.handleResponse(head, entityDetails); // the engine judged it on this thread
            }
            return handOverAfterEngine(head, entityDetails);
        }

        /**
         * The thread that started this attempt has not followed it yet, so it, not this one, is judging the
         * response right now. Whatever completes the caller's future (a bodiless head, or the body's end) waits
         * for the engine's events; the I/O thread does not.
         */
        private @Nullable AsyncDataConsumer handOverAfterEngine(HttpResponse head, @Nullable EntityDetails entity)
                throws HttpException, IOException {
            if (entity == null) {
                delivered = engineDone.handle((v, e) -> {
                    try {
                        return callback.handleResponse(head, null);
                    } catch (HttpException | IOException failure) {
                        throw new CompletionException(failure);
                    }
                });
                return null;
            }
            AsyncDataConsumer consumer = callback.handleResponse(head, entity);
            if (consumer == null) {
                return null;
            }
            StreamEndAfter gated = new StreamEndAfter(consumer, engineDone);
            delivered = gated.ended();
            return gated;
        }

        @Override
        public void handleInformationResponse(HttpResponse informational) throws HttpException, IOException {
            callback.handleInformationResponse(informational);
        }

        /**
         * The retried body took too long or was too long: the connection goes, and the attempt ends with the
         * response being retried now. Some HttpClient versions (5.4) report no failure for the discarded
         * exchange, so nothing waits for one; a late report is ignored (the connection may be the next
         * attempt's by then).
         */
        private void abandon(HttpResponse head) {
            discardQuietly(null);
            if (settled.compareAndSet(false, true)) {
                cancelThroughEngine();
                outcome.complete(head);
            }
        }

        @Override
        public void completed() {
            if (handedOver) {
                CompletableFuture<?> unused = delivered.whenComplete((v, e) -> {
                    if (e == null) {
                        callback.completed();
                    } else {
                        callback.failed(asException(e));
                    }
                });
                return;
            }
            if (!settled.compareAndSet(false, true)) {
                return; // the abandoned body already ended this attempt
            }
            HttpResponse head = discarded;
            if (head == null) {
                failed(new HttpException("exchange completed without a response"));
                return;
            }
            // the body is discarded and the exchange over: hold no connection while waiting
            if (bodyAbandoned()) {
                scope.execRuntime.discardEndpoint();
            } else {
                scope.execRuntime.releaseEndpoint();
            }
            cancelThroughEngine();
            outcome.complete(head);
        }

        @Override
        public void failed(Exception cause) {
            if (!handedOver && !settled.compareAndSet(false, true)) {
                return; // the abandoned body already ended this attempt: its connection is not ours any more
            }
            boolean abandoned = bodyAbandoned();
            if (cause instanceof IOException || abandoned) {
                // the connection is in an unknown state: the next attempt must lease a fresh one
                discardQuietly(cause);
            }
            if (handedOver) {
                CompletableFuture<?> unused = delivered.whenComplete((v, e) -> callback.failed(cause));
                return;
            }
            cancelThroughEngine();
            HttpResponse head = discarded;
            if (abandoned && head != null) {
                // the failure is the abandoned body's: the attempt's outcome is the response being retried
                outcome.complete(head);
                return;
            }
            outcome.completeExceptionally(cause);
        }

        /**
         * Discards the endpoint without letting a failure to do so (an endpoint already released by a cancel)
         * stop the attempt's outcome from completing: the call must end either way.
         */
        private void discardQuietly(@Nullable Exception cause) {
            try {
                scope.execRuntime.discardEndpoint();
            } catch (RuntimeException alreadyGone) {
                if (cause != null) {
                    cause.addSuppressed(alreadyGone);
                }
            }
        }

        /** Ends the discarded body's window (see {@link BoundedDiscard#end()}). */
        private boolean bodyAbandoned() {
            BoundedDiscard discard = discarding;
            return discard != null && discard.end();
        }
    }
}
