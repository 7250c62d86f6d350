package dev.tenax.okhttp;

import dev.tenax.http.HttpRetryPolicy;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A {@link Call.Factory} whose calls retry as an {@link HttpRetryPolicy} says, and whose {@code enqueue()} waits
 * without holding any thread: each attempt is a fresh call of the underlying client, and the next attempt is
 * scheduled, not slept for. {@code execute()} retries on the calling thread. {@code cancel()} stops the pending
 * wait and the attempt in flight; no further request is sent.
 *
 * <p>Works wherever a {@code Call.Factory} does, Retrofit included:
 *
 * <pre>{@code
 * Call.Factory calls = RetryingCallFactory.create(okHttpClient, HttpRetryPolicy.defaults());
 * Retrofit retrofit = new Retrofit.Builder().baseUrl(baseUrl).callFactory(calls).build();
 * }</pre>
 *
 * <p>The client is used as given, except that OkHttp's own re-sends are switched off (as
 * {@link RetryInterceptor#install} does) and any {@link RetryInterceptor} is removed, so requests are never
 * retried twice over. Thread-safe.
 */
public final class RetryingCallFactory implements Call.Factory {
    private final OkHttpClient client;
    private final Policies policies;

    private RetryingCallFactory(OkHttpClient client, HttpRetryPolicy policy) {
        this.client = client;
        this.policies = new Policies(policy);
    }

    /**
     * A factory with {@link HttpRetryPolicy#defaults()}.
     *
     * @param client the client that makes each attempt
     * @return a new factory
     */
    public static RetryingCallFactory create(OkHttpClient client) {
        return create(client, HttpRetryPolicy.defaults());
    }

    /**
     * A factory whose calls retry as {@code policy} says.
     *
     * @param client the client that makes each attempt
     * @param policy the policy; a request's {@code HttpRetryPolicy} tag overrides it
     * @return a new factory
     */
    public static RetryingCallFactory create(OkHttpClient client, HttpRetryPolicy policy) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(policy, "policy");
        OkHttpClient.Builder builder = client.newBuilder();
        builder.interceptors().removeIf(RetryInterceptor.class::isInstance);
        return new RetryingCallFactory(RetryInterceptor.guard(builder).build(), policy);
    }

    /** The client each attempt runs on (OkHttp's own re-sends off). */
    public OkHttpClient client() {
        return client;
    }

    @Override
    public Call newCall(Request request) {
        return new RetryingCall(client, policies, Objects.requireNonNull(request, "request"));
    }
}
