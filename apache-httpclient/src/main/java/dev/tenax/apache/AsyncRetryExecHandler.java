package dev.tenax.apache;

import dev.tenax.http.HttpRetryPolicy;
import java.util.Objects;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.jspecify.annotations.Nullable;

/**
 * An async HttpClient 5 exec-chain handler that retries as an {@link HttpRetryPolicy} says, in place of
 * HttpClient's own {@code RETRY} element, and never blocks a thread to wait. When a response's head arrives it
 * is decided at once whether it will be retried: if so its body is discarded and its connection returned to the
 * pool; if not, it goes to the caller's response consumer. Before each re-send the request's entity producer is
 * rewound ({@code releaseResources()}) so the body is sent whole; a non-repeatable one is never re-sent once it
 * may have been sent. After an I/O failure the connection is discarded. Cancelling the future returned by
 * {@code execute} cancels the pending wait (or the attempt in flight): no further request is sent.
 *
 * <pre>{@code
 * CloseableHttpAsyncClient client =
 *         AsyncRetryExecHandler.install(HttpAsyncClients.custom(), HttpRetryPolicy.defaults()).build();
 * client.start();
 * Future<SimpleHttpResponse> response = client.execute(SimpleRequestBuilder.get(uri).build(), null);
 * }</pre>
 *
 * <p>A request can carry its own policy in its {@code HttpClientContext}, under
 * {@link RetryExecHandler#POLICY_ATTRIBUTE}.
 *
 * <p>Waits are timed by the policy's scheduler (Tenax's one scheduler thread, unless the policy says otherwise),
 * which then starts the next attempt down the chain, as HttpClient's own retry element does from its scheduler
 * thread. Thread-safe.
 */
public final class AsyncRetryExecHandler implements AsyncExecChainHandler {
    private final HttpRetryPolicy policy;

    private AsyncRetryExecHandler(HttpRetryPolicy policy) {
        this.policy = policy;
    }

    /**
     * The handler with {@link HttpRetryPolicy#defaults()}.
     *
     * @return a new handler
     */
    public static AsyncRetryExecHandler create() {
        return create(HttpRetryPolicy.defaults());
    }

    /**
     * The handler alone. Prefer {@link #install}, which puts it where HttpClient's own retries were.
     *
     * @param policy the policy
     * @return a new handler
     */
    public static AsyncRetryExecHandler create(HttpRetryPolicy policy) {
        return new AsyncRetryExecHandler(Objects.requireNonNull(policy, "policy"));
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
    public static HttpAsyncClientBuilder install(HttpAsyncClientBuilder builder, HttpRetryPolicy policy) {
        Objects.requireNonNull(builder, "builder");
        return builder.replaceExecInterceptor(ChainElement.RETRY.name(), create(policy));
    }

    /** The policy this handler applies to requests whose context carries none. */
    public HttpRetryPolicy policy() {
        return policy;
    }

    @Override
    public void execute(
            HttpRequest request,
            @Nullable AsyncEntityProducer entityProducer,
            AsyncExecChain.Scope scope,
            AsyncExecChain chain,
            AsyncExecCallback callback) {
        new AsyncRetryExchange(request, entityProducer, scope, chain, callback)
                .start(Policies.effective(policy, scope.clientContext));
    }

    @Override
    public String toString() {
        return "AsyncRetryExecHandler[" + policy + "]";
    }
}
