package dev.tenax.jdk;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.http.spi.HttpRetryDriver;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;

/**
 * A {@link HttpClient} whose {@code send} and {@code sendAsync} retry as an {@link HttpRetryPolicy} says; every
 * other method is the wrapped client's.
 *
 * <pre>{@code
 * HttpClient client = RetryingHttpClient.wrap(HttpClient.newHttpClient(), HttpRetryPolicy.defaults());
 * HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
 * }</pre>
 *
 * <p><b>Responses.</b> Whether a response is retried is decided when its headers arrive. A retried response's
 * body is discarded (its connection is released at once); the final response, accepted or the last one when the
 * policy gave up, goes to the caller's own {@link BodyHandler}, which sees no other response.
 *
 * <p><b>{@code send}</b> waits on the calling thread; an interrupt while waiting ends the call with
 * {@link InterruptedException}, the interrupt flag kept, and no further request is sent. <b>{@code sendAsync}</b>
 * waits without holding any thread; cancelling the returned future cancels the exchange in flight and the
 * pending wait, and no further request is sent.
 *
 * <p><b>Timeouts.</b> Each attempt's {@link HttpRequest#timeout()} is shortened to what is left of the policy's
 * deadline; a request timeout that is shorter already is kept.
 *
 * <p><b>Request bodies.</b> The publishers of {@link HttpRequest.BodyPublishers} publish their whole body on
 * every subscription, so requests carrying them are sent again as they are. A custom {@link BodyPublisher} must
 * do the same: each {@code subscribe} publishes the body from its first byte. A body that cannot be sent twice
 * must be wrapped with {@link #oneShot(BodyPublisher)}.
 *
 * <p><b>Closing.</b> On JDK 21 and later, {@code shutdown}, {@code shutdownNow}, {@code awaitTermination},
 * {@code isTerminated} and {@code close} reach the wrapped client; no retry starts after a shutdown. On JDK 17
 * they behave as JDK 21's {@code HttpClient} defaults (nothing to shut down).
 *
 * <p>Thread-safe; immutable apart from the wrapped client's own state.
 */
public final class RetryingHttpClient extends HttpClient {
    private final HttpClient client;
    private final HttpRetryPolicy policy;
    private final AtomicBoolean shutDown;
    private final JdkFailures failures;

    private RetryingHttpClient(HttpClient client, HttpRetryPolicy policy, AtomicBoolean shutDown) {
        this.client = client;
        this.policy = policy;
        this.shutDown = shutDown;
        this.failures = new JdkFailures(client, shutDown);
    }

    /**
     * Wraps {@code client} with {@link HttpRetryPolicy#defaults()}.
     *
     * @param client the client that sends each attempt
     * @return the retrying client
     * @throws NullPointerException if {@code client} is {@code null}
     */
    public static RetryingHttpClient wrap(HttpClient client) {
        return wrap(client, HttpRetryPolicy.defaults());
    }

    /**
     * Wraps {@code client} so that {@code send} and {@code sendAsync} retry as {@code policy} says. Wrapping a
     * {@code RetryingHttpClient} replaces its policy instead of retrying twice over.
     *
     * @param client the client that sends each attempt
     * @param policy the policy
     * @return the retrying client
     * @throws NullPointerException if {@code client} or {@code policy} is {@code null}
     */
    public static RetryingHttpClient wrap(HttpClient client, HttpRetryPolicy policy) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(policy, "policy");
        if (client instanceof RetryingHttpClient retrying) {
            return retrying.withPolicy(policy);
        }
        return new RetryingHttpClient(client, policy, new AtomicBoolean());
    }

    /**
     * The same client retrying with another policy, for the requests that need one of their own (the JDK's
     * {@code HttpRequest} has no tags to carry it). Cheap: both share the wrapped client.
     *
     * <pre>{@code
     * HttpResponse<String> response = client.withPolicy(uploadPolicy).send(request, BodyHandlers.ofString());
     * }</pre>
     *
     * @param policy the policy
     * @return a client sharing this one's wrapped client
     * @throws NullPointerException if {@code policy} is {@code null}
     */
    public RetryingHttpClient withPolicy(HttpRetryPolicy policy) {
        return new RetryingHttpClient(client, Objects.requireNonNull(policy, "policy"), shutDown);
    }

    /**
     * Marks a request body as one that must not be sent twice: a request carrying it is not retried once it may
     * have been sent (a failure before anything was sent, such as a refused connection, is still retried), and a
     * second subscription fails with an {@link IOException} instead of publishing the body again.
     *
     * <pre>{@code
     * HttpRequest upload = HttpRequest.newBuilder(uri)
     *         .PUT(RetryingHttpClient.oneShot(BodyPublishers.ofInputStream(() -> stream)))
     *         .build();
     * }</pre>
     *
     * @param body the body
     * @return a publisher of the same body that Tenax will not replay
     * @throws NullPointerException if {@code body} is {@code null}
     */
    public static BodyPublisher oneShot(BodyPublisher body) {
        Objects.requireNonNull(body, "body");
        return body instanceof OneShotBodyPublisher ? body : new OneShotBodyPublisher(body);
    }

    /**
     * The client that sends each attempt.
     *
     * @return the wrapped client
     */
    public HttpClient unwrap() {
        return client;
    }

    /**
     * The policy calls of this client retry with.
     *
     * @return the policy
     */
    public HttpRetryPolicy policy() {
        return policy;
    }

    /**
     * Sends {@code request}, retrying as the policy says, and waits for the final response on the calling thread.
     *
     * @throws IOException the last attempt's failure, unchanged (earlier ones suppressed)
     * @throws InterruptedException if interrupted while an attempt is in flight or while waiting to retry
     */
    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> responseBodyHandler)
            throws IOException, InterruptedException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(responseBodyHandler, "responseBodyHandler");
        return HttpRetryDriver.executeInterruptibly(
                policy, new JdkRequestInfo(request, null), JdkResponses.<T>get(), failures, attempt -> {
                    DecidingBodyHandler<T> handler = new DecidingBodyHandler<>(responseBodyHandler, attempt);
                    return handler.outcome(client.send(Attempts.request(request, attempt), handler));
                });
    }

    /**
     * Sends {@code request} without blocking, retrying as the policy says; waits hold no thread. Cancelling the
     * returned future cancels the exchange in flight and the pending wait.
     */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> responseBodyHandler) {
        return sendAsync(request, responseBodyHandler, null);
    }

    /**
     * As {@link #sendAsync(HttpRequest, BodyHandler)}; {@code pushPromiseHandler} receives the push promises of
     * every attempt, a retried one's included.
     */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            BodyHandler<T> responseBodyHandler,
            @Nullable PushPromiseHandler<T> pushPromiseHandler) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(responseBodyHandler, "responseBodyHandler");
        return HttpRetryDriver.executeAsync(
                policy,
                new JdkRequestInfo(request, client.executor().orElse(null)),
                JdkResponses.<T>get(),
                failures,
                attempt -> {
                    DecidingBodyHandler<T> handler = new DecidingBodyHandler<>(responseBodyHandler, attempt);
                    return client.sendAsync(Attempts.request(request, attempt), handler, pushPromiseHandler)
                            .thenApply(handler::outcome);
                });
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return client.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return client.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return client.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return client.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return client.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return client.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return client.authenticator();
    }

    @Override
    public Version version() {
        return client.version();
    }

    @Override
    public Optional<Executor> executor() {
        return client.executor();
    }

    /** The wrapped client's WebSocket builder: WebSocket connections are not retried. */
    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return client.newWebSocketBuilder();
    }

    /**
     * Shuts the wrapped client down (JDK 21+): calls in flight complete, no retry starts afterwards. On JDK 17,
     * retries stop but the wrapped client has nothing to shut down.
     */
    public void shutdown() {
        shutDown.set(true);
        Lifecycle.JDK.shutdown(client);
    }

    /**
     * Shuts the wrapped client down at once (JDK 21+), failing the calls in flight; no retry starts afterwards.
     */
    public void shutdownNow() {
        shutDown.set(true);
        Lifecycle.JDK.shutdownNow(client);
    }

    /**
     * Waits for the wrapped client to terminate (JDK 21+); on JDK 17 returns {@code false} at once.
     *
     * @param duration how long to wait at most
     * @return whether the wrapped client terminated
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitTermination(Duration duration) throws InterruptedException {
        return Lifecycle.JDK.awaitTermination(client, duration);
    }

    /**
     * Whether the wrapped client has terminated (JDK 21+); always {@code false} on JDK 17.
     *
     * @return whether the wrapped client terminated
     */
    public boolean isTerminated() {
        return Lifecycle.JDK.isTerminated(client);
    }

    /** Closes the wrapped client (JDK 21+: shuts it down and waits for it); no retry starts afterwards. */
    public void close() {
        shutDown.set(true);
        Lifecycle.JDK.close(client);
    }

    @Override
    public String toString() {
        return "RetryingHttpClient[" + client + ", " + policy + "]";
    }
}
