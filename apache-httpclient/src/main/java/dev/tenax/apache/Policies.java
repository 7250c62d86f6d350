package dev.tenax.apache;

import dev.tenax.http.HttpRetryPolicy;
import org.apache.hc.client5.http.protocol.HttpClientContext;

/** Which policy governs a request: one set on the request's context wins over the handler's. */
final class Policies {
    private Policies() {}

    static HttpRetryPolicy effective(HttpRetryPolicy configured, HttpClientContext context) {
        Object own = context.getAttribute(RetryExecHandler.POLICY_ATTRIBUTE);
        return own instanceof HttpRetryPolicy policy ? policy : configured;
    }
}
