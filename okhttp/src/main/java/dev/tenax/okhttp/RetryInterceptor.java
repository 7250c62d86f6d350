package dev.tenax.okhttp;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.http.spi.HttpRetryDriver;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * An OkHttp application interceptor that retries as an {@link HttpRetryPolicy} says: it releases every response
 * it retries, never replays a one-shot or duplex body once it may have been sent, treats the call's
 * {@link Call#timeout() timeout} as a deadline, gives each attempt at most the time left (and the policy's
 * {@code attemptTimeout}) as the chain's connect, read and write timeouts, judges and re-sends the last hop of a
 * redirect chain (never the POST that was answered by a redirect), stops waiting when the call is cancelled, and on
 * exhaustion returns the last response with its body intact. OkHttp's own {@code IOException}s are rethrown
 * unchanged.
 *
 * <p>Install it with {@link #install}: that also switches off OkHttp's own re-sends, which would otherwise
 * duplicate a POST in two cases Tenax cannot see (a reused connection that drops after the request was written,
 * and a {@code 503} with {@code Retry-After: 0}), and still sends a POST whose pooled connection the server had
 * closed while it was idle.
 *
 * <pre>{@code
 * OkHttpClient client = RetryInterceptor.install(new OkHttpClient.Builder(), HttpRetryPolicy.defaults())
 *     .build();
 * }</pre>
 *
 * <p>A request can carry its own policy: {@code request.newBuilder().tag(HttpRetryPolicy.class, policy)};
 * one with {@code attempts(1)} turns retries off for that request.
 *
 * <p>The interceptor waits on the calling thread: with {@code enqueue()} that is one of the Dispatcher's
 * threads, held for the whole wait. For asynchronous calls use {@link RetryingCallFactory}, which waits without
 * holding any thread. Thread-safe.
 */
public final class RetryInterceptor implements Interceptor {
    private final Policies policies;

    private RetryInterceptor(HttpRetryPolicy policy) {
        this.policies = new Policies(policy);
    }

    /**
     * The interceptor with {@link HttpRetryPolicy#defaults()}.
     *
     * @return a new interceptor
     */
    public static RetryInterceptor create() {
        return create(HttpRetryPolicy.defaults());
    }

    /**
     * The interceptor alone, for {@code addInterceptor}. Prefer {@link #install}, which also stops OkHttp's own
     * re-sends of non-idempotent requests.
     *
     * @param policy the policy
     * @return a new interceptor
     */
    public static RetryInterceptor create(HttpRetryPolicy policy) {
        return new RetryInterceptor(Objects.requireNonNull(policy, "policy"));
    }

    /**
     * Adds the interceptor to {@code builder} and makes Tenax the only one to re-send requests: turns off
     * {@code retryOnConnectionFailure} (Tenax retries connection failures itself, with its idempotency rules) and
     * adds two network interceptors: one keeps OkHttp from following a {@code 503} with {@code Retry-After: 0}, the
     * other finds a pooled connection the server closed while it was idle before a request is written on it (that
     * request was not sent, so Tenax retries it, POST included, on a new connection).
     *
     * @param builder the client builder
     * @param policy the policy
     * @return {@code builder}
     */
    public static OkHttpClient.Builder install(OkHttpClient.Builder builder, HttpRetryPolicy policy) {
        Objects.requireNonNull(builder, "builder");
        builder.interceptors().removeIf(RetryInterceptor.class::isInstance);
        builder.addInterceptor(create(policy));
        return guard(builder);
    }

    /** Turns off OkHttp's own re-sends; idempotent. */
    static OkHttpClient.Builder guard(OkHttpClient.Builder builder) {
        builder.retryOnConnectionFailure(false);
        if (!builder.networkInterceptors().contains(RetryAfterGuard.INSTANCE)) {
            // first, so that every network interceptor of the user's sees the server's headers
            builder.networkInterceptors().add(0, RetryAfterGuard.INSTANCE);
        }
        if (!builder.networkInterceptors().contains(StaleConnectionCheck.INSTANCE)) {
            builder.networkInterceptors().add(1, StaleConnectionCheck.INSTANCE);
        }
        return builder;
    }

    /** The policy this interceptor applies to requests without a policy tag. */
    public HttpRetryPolicy policy() {
        return policies.configured();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Call call = chain.call();
        OkRequestInfo request = new OkRequestInfo(chain.request(), call);
        RetryAfterGuard.Managed managed = RetryAfterGuard.manage(call);
        return HttpRetryDriver.execute(
                policies.of(request.current()), request, OkResponses.INSTANCE, new OkFailures(call), context -> {
                    managed.attemptStarts();
                    Response response = OkTimeouts.bounded(chain, context.timeoutNanos())
                            .proceed(OkHeaders.withAttemptNumber(request.current(), context));
                    return request.answeredBy(RetryAfterGuard.restore(managed, response));
                });
    }

    @Override
    public String toString() {
        return "RetryInterceptor[" + policies.configured() + "]";
    }
}
