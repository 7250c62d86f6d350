package dev.tenax.http;

import dev.tenax.RetryBudget;
import dev.tenax.internal.Timing;

/** Test access to the package-private timing hook, for any package's tests. */
final class HttpTestPolicies {
    private HttpTestPolicies() {}

    /** A builder with injected timing and no budget, so scripted outages are not cut short. */
    static HttpRetryPolicy.Builder withTiming(Timing timing) {
        return HttpRetryPolicy.builder().timing(timing).budget(RetryBudget.unlimited());
    }

    static HttpRetryPolicy.Builder timing(HttpRetryPolicy.Builder builder, Timing timing) {
        return builder.timing(timing);
    }
}
