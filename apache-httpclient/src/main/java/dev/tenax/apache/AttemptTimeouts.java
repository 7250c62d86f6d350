package dev.tenax.apache;

import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Gives one attempt at most its time through HttpClient's own per-request mechanism: a {@link RequestConfig} in
 * the call's context, derived from the one HttpClient put there (the request's own, else the client's default),
 * whose connection-request, connect and response timeouts are each capped at the attempt's time. A smaller
 * value of the user's is kept. Expiry is HttpClient's own timeout exception.
 */
final class AttemptTimeouts {
    private AttemptTimeouts() {}

    /**
     * Bounds the next attempt of the call whose context this is.
     *
     * @param context the call's context
     * @param base the request config the call started with ({@code null}: HttpClient's defaults)
     * @param timeoutNanos the attempt's time, {@link Long#MAX_VALUE} for no bound
     */
    static void apply(HttpClientContext context, @Nullable RequestConfig base, long timeoutNanos) {
        context.setRequestConfig(timeoutNanos == Long.MAX_VALUE ? base : bounded(base, timeoutNanos));
    }

    @SuppressWarnings("deprecation") // RequestConfig's connect timeout: HttpClient 5.6 still honours it per request
    static RequestConfig bounded(@Nullable RequestConfig base, long timeoutNanos) {
        RequestConfig config = base == null ? RequestConfig.DEFAULT : base;
        // whole milliseconds, at least one: HttpClient reads 0 as "no timeout"
        Timeout limit = Timeout.of(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)), TimeUnit.MILLISECONDS);
        return RequestConfig.copy(config)
                .setConnectionRequestTimeout(min(config.getConnectionRequestTimeout(), limit))
                .setConnectTimeout(min(config.getConnectTimeout(), limit))
                .setResponseTimeout(min(config.getResponseTimeout(), limit))
                .build();
    }

    private static Timeout min(@Nullable Timeout own, Timeout limit) {
        if (own == null || own.isDisabled() || own.toMilliseconds() > limit.toMilliseconds()) {
            return limit;
        }
        return own;
    }
}
