package dev.tenax.benchmarks.http;

import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * OkHttp's {@code execute()} decorated by a Resilience4j 2.4.0 {@code Retry}. Documented defaults: 3 attempts,
 * 500 ms fixed wait, every exception retried. Resilience4j does not look at results unless told to, so the
 * config also retries the statuses Tenax retries ({@code retryOnResult}) and closes a response before retrying
 * ({@code consumeResultBeforeRetryAttempt}). Blocking only.
 */
public final class OkHttpResilience4jClient implements LoadClient {
    private final OkHttpClient client;
    private final Retry retry;

    private OkHttpResilience4jClient(OkHttpClient client, Retry retry) {
        this.client = client;
        this.retry = retry;
    }

    public static LoadClient create(RetrySetup setup) {
        RetryConfig config = RetryConfig.<Response>custom()
                .maxAttempts(setup.peerAttemptsOr(3))
                .waitDuration(setup.peerWaitOr(Duration.ofMillis(500)))
                .retryOnResult(response -> RetrySetup.retriedStatus(response.code()))
                .consumeResultBeforeRetryAttempt((attempt, response) -> response.close())
                .build();
        return new OkHttpResilience4jClient(OkHttpShape.builder().build(), Retry.of("bench", config));
    }

    @Override
    public int send(URI uri, @Nullable String callId) throws IOException, InterruptedException {
        CheckedSupplier<Response> call = Retry.decorateCheckedSupplier(
                retry,
                () -> client.newCall(OkHttpCallsClient.request(uri, callId)).execute());
        Response response;
        try {
            response = call.get();
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return OkHttpCallsClient.consume(response);
    }

    @Override
    public void close() {
        OkHttpShape.shutdown(client);
    }
}
