package dev.tenax.benchmarks.http;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.failsafe.okhttp.FailsafeCall;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * OkHttp through Failsafe 3.3.2's {@code failsafe-okhttp} ({@code FailsafeCall}). Documented defaults: 3 attempts,
 * no delay. Failsafe does not look at statuses unless told to, so the policy also handles the statuses Tenax
 * retries ({@link RetrySetup#retriedStatus}) and every {@code IOException}; a response it retries is closed
 * first ({@code onRetry}), as the connection would otherwise leak.
 */
public final class OkHttpFailsafeClient implements LoadClient {
    private final OkHttpClient client;
    private final FailsafeExecutor<Response> failsafe;

    private OkHttpFailsafeClient(OkHttpClient client, FailsafeExecutor<Response> failsafe) {
        this.client = client;
        this.failsafe = failsafe;
    }

    public static LoadClient create(RetrySetup setup) {
        RetryPolicyBuilder<Response> policy = RetryPolicy.<Response>builder()
                .handle(IOException.class)
                .handleResultIf(response -> RetrySetup.retriedStatus(response.code()))
                .withMaxAttempts(setup.peerAttemptsOr(3))
                .onRetry(event -> {
                    Response last = event.getLastResult();
                    if (last != null) {
                        last.close();
                    }
                });
        if (setup.peerWait() != null) {
            policy.withDelay(setup.peerWaitOr(java.time.Duration.ZERO));
        }
        return new OkHttpFailsafeClient(OkHttpShape.builder().build(), Failsafe.with(policy.build()));
    }

    @Override
    public int send(URI uri, @Nullable String callId) throws IOException {
        return OkHttpCallsClient.consume(FailsafeCall.with(failsafe)
                .compose(client.newCall(OkHttpCallsClient.request(uri, callId)))
                .execute());
    }

    @Override
    public boolean supportsAsync() {
        return true;
    }

    @Override
    public CompletableFuture<Integer> sendAsync(URI uri, @Nullable String callId) {
        return FailsafeCall.with(failsafe)
                .compose(client.newCall(OkHttpCallsClient.request(uri, callId)))
                .executeAsync()
                .thenApply(response -> {
                    try {
                        return OkHttpCallsClient.consume(response);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    @Override
    public void close() {
        OkHttpShape.shutdown(client);
    }
}
