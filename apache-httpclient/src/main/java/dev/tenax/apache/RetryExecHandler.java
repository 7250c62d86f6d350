package dev.tenax.apache;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.http.spi.HttpRetryDriver;
import java.io.IOException;
import java.util.Objects;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * A classic HttpClient 5 exec-chain handler that retries as an {@link HttpRetryPolicy} says, in place of
 * HttpClient's own {@code RETRY} element. It consumes (at most 8 KiB) and closes every response it retries, never
 * re-sends a request whose entity is not {@linkplain HttpEntity#isRepeatable() repeatable} once it may have been
 * sent, stops waiting when the request is cancelled, and on exhaustion returns the last response with its entity
 * readable. HttpClient's own {@code IOException}s are rethrown unchanged; a thread interrupted while waiting gets
 * an {@link java.io.InterruptedIOException}, its interrupt flag kept.
 *
 * <pre>{@code
 * CloseableHttpClient client = RetryExecHandler.install(HttpClients.custom(), HttpRetryPolicy.defaults())
 *     .build();
 * }</pre>
 *
 * <p>A request can carry its own policy in its context, under {@link #POLICY_ATTRIBUTE}; one with
 * {@code attempts(1)} turns retries off for that request:
 *
 * <pre>{@code
 * HttpClientContext context = HttpClientContext.create();
 * context.setAttribute(RetryExecHandler.POLICY_ATTRIBUTE, HttpRetryPolicy.builder().attempts(2).build());
 * client.execute(new HttpGet(uri), context, response -> ...);
 * }</pre>
 *
 * <p>Waits block the calling thread, as every classic call does. Thread-safe.
 */
public final class RetryExecHandler implements ExecChainHandler {
    /**
     * The {@code HttpClientContext} attribute that overrides the handler's policy for one request: its value must
     * be an {@link HttpRetryPolicy}. The classic and the async handlers both read it.
     */
    public static final String POLICY_ATTRIBUTE = "dev.tenax.apache.policy";

    private final HttpRetryPolicy policy;

    private RetryExecHandler(HttpRetryPolicy policy) {
        this.policy = policy;
    }

    /**
     * The handler with {@link HttpRetryPolicy#defaults()}.
     *
     * @return a new handler
     */
    public static RetryExecHandler create() {
        return create(HttpRetryPolicy.defaults());
    }

    /**
     * The handler alone. Prefer {@link #install}, which puts it where HttpClient's own retries were.
     *
     * @param policy the policy
     * @return a new handler
     */
    public static RetryExecHandler create(HttpRetryPolicy policy) {
        return new RetryExecHandler(Objects.requireNonNull(policy, "policy"));
    }

    /**
     * Replaces HttpClient's {@code RETRY} exec-chain element (and so its {@code HttpRequestRetryStrategy}, which
     * would re-send a POST answered {@code 503}) with a handler for {@code policy}. The element must still be
     * there: after {@code disableAutomaticRetries()} nothing is replaced, and nothing is retried.
     *
     * @param builder the client builder
     * @param policy the policy
     * @return {@code builder}
     */
    public static HttpClientBuilder install(HttpClientBuilder builder, HttpRetryPolicy policy) {
        Objects.requireNonNull(builder, "builder");
        return builder.replaceExecInterceptor(ChainElement.RETRY.name(), create(policy));
    }

    /** The policy this handler applies to requests whose context carries none. */
    public HttpRetryPolicy policy() {
        return policy;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        HttpEntity entity = request.getEntity();
        ApacheRequestInfo info = new ApacheRequestInfo(
                request, scope.route, entity == null || entity.isRepeatable(), scope.execRuntime::isExecutionAborted);
        RequestConfig config = scope.clientContext.getRequestConfig();
        try {
            return HttpRetryDriver.execute(
                    Policies.effective(policy, scope.clientContext),
                    info,
                    new ClassicResponses(scope.execRuntime),
                    ApacheFailures.INSTANCE,
                    context -> {
                        if (scope.execRuntime.isExecutionAborted()) {
                            throw new RequestFailedException("Request aborted");
                        }
                        AttemptTimeouts.apply(scope.clientContext, config, context.timeoutNanos());
                        // downstream elements add headers to the request they get: each attempt gets a copy
                        return chain.proceed(
                                ApacheRequestInfo.numbered(
                                        ClassicRequestBuilder.copy(request).build(), context),
                                scope);
                    });
        } finally {
            scope.clientContext.setRequestConfig(config);
        }
    }

    @Override
    public String toString() {
        return "RetryExecHandler[" + policy + "]";
    }
}
