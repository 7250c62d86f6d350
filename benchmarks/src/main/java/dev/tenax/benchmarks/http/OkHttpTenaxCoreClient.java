package dev.tenax.benchmarks.http;

import dev.tenax.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Tenax's core {@code RetryPolicy.call} around the bare OkHttp client, as a user without an adapter would write
 * it: a retried status becomes an exception. Core defaults (10 attempts, 45 s, no budget). Blocking only.
 */
public final class OkHttpTenaxCoreClient implements LoadClient {
    private final OkHttpClient client;
    private final RetryPolicy policy;

    private OkHttpTenaxCoreClient(OkHttpClient client, RetryPolicy policy) {
        this.client = client;
        this.policy = policy;
    }

    public static LoadClient create(RetrySetup setup) {
        return new OkHttpTenaxCoreClient(
                OkHttpShape.builder().build(), RetryPolicy.on(IOException.class).build());
    }

    @Override
    public int send(URI uri, @Nullable String callId) throws IOException {
        try {
            return policy.call(() -> {
                int status = OkHttpCallsClient.consume(
                        client.newCall(OkHttpCallsClient.request(uri, callId)).execute());
                if (RetrySetup.retriedStatus(status)) {
                    throw new StatusException(status);
                }
                return status;
            });
        } catch (StatusException e) {
            return e.status;
        }
    }

    @Override
    public void close() {
        OkHttpShape.shutdown(client);
    }

    /** A retried status, as an exception core can retry on. */
    private static final class StatusException extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        StatusException(int status) {
            super("HTTP " + status);
            this.status = status;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // a planned outcome, not a bug: no stack trace to fill
        }
    }
}
