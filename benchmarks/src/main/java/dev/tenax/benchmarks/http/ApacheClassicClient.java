package dev.tenax.benchmarks.http;

import dev.tenax.apache.RetryExecHandler;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.jspecify.annotations.Nullable;

/**
 * Apache HttpClient 5, classic (blocking) API: the bare client (automatic retries off), the client with its own
 * {@code DefaultHttpRequestRetryStrategy}, or with {@link RetryExecHandler} installed. {@code send} is
 * {@code execute(request, handler)}, the handler reading the body whole.
 */
public final class ApacheClassicClient implements LoadClient {
    private final CloseableHttpClient client;

    private ApacheClassicClient(CloseableHttpClient client) {
        this.client = client;
    }

    /** {@code disableAutomaticRetries()}: no retries at all. */
    public static LoadClient bare(RetrySetup setup) {
        return new ApacheClassicClient(
                ApacheShape.classic().disableAutomaticRetries().build());
    }

    /**
     * HttpClient's own {@code DefaultHttpRequestRetryStrategy}: at its documented defaults (1 retry, 1 s wait or
     * {@code Retry-After}, statuses 429 and 503) unless {@link RetrySetup#peerAttempts} or
     * {@link RetrySetup#peerWait} is set, then {@code new DefaultHttpRequestRetryStrategy(attempts - 1, wait)}
     * (the same statuses).
     */
    public static LoadClient defaultRetry(RetrySetup setup) {
        HttpClientBuilder builder = ApacheShape.classic();
        if (setup.peerAttempts() > 0 || setup.peerWait() != null) {
            builder.setRetryStrategy(new DefaultHttpRequestRetryStrategy(
                    setup.peerAttemptsOr(2) - 1,
                    TimeValue.ofMilliseconds(
                            setup.peerWaitOr(Duration.ofSeconds(1)).toMillis())));
        }
        return new ApacheClassicClient(builder.build());
    }

    /** {@code RetryExecHandler.install(builder, setup.tenax())}. */
    public static LoadClient tenax(RetrySetup setup) {
        return new ApacheClassicClient(
                RetryExecHandler.install(ApacheShape.classic(), setup.tenax()).build());
    }

    @Override
    public int send(URI uri, @Nullable String callId) throws IOException {
        HttpGet get = new HttpGet(uri);
        if (callId != null) {
            get.setHeader(LoadServer.CALL_ID, callId);
        }
        return client.execute(get, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
