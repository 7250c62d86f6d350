package dev.tenax.apache;

import dev.tenax.http.spi.ResponseAccess;
import org.apache.hc.core5.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * Reads async response heads. Nothing is left to release: the body of a response that is retried was discarded
 * as it arrived, and its connection returned to the pool when the exchange completed.
 */
enum AsyncResponses implements ResponseAccess<HttpResponse> {
    INSTANCE;

    @Override
    public int status(HttpResponse response) {
        return response.getCode();
    }

    @Override
    public @Nullable String header(HttpResponse response, String name) {
        return ApacheRequestInfo.firstValue(response.getFirstHeader(name));
    }

    @Override
    public void release(HttpResponse response) {}

    // releaseKeeping stays the default (nothing kept): a head the core returned in place of a final response
    // would never reach the caller's consumer, which only AsyncRetryExchange could feed.
}
