package dev.tenax.internal.http;

import dev.tenax.http.HttpRetryPolicy;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Gives the adapter driver the rules inside an {@link HttpRetryPolicy} without making them public API: the policy
 * class registers an accessor when it is initialised (which it is, once any instance exists).
 */
public final class HttpPolicies {
    private static volatile @Nullable Function<HttpRetryPolicy, HttpRules> access;

    private HttpPolicies() {}

    public static void register(Function<HttpRetryPolicy, HttpRules> accessor) {
        access = accessor;
    }

    public static HttpRules rules(HttpRetryPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        Function<HttpRetryPolicy, HttpRules> accessor = access;
        if (accessor == null) {
            throw new IllegalStateException("HttpRetryPolicy is not initialised");
        }
        return accessor.apply(policy);
    }
}
