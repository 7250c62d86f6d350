package dev.tenax.okhttp;

import dev.tenax.http.HttpRetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Which policy governs a request: a per-request tag wins, and OkHttp's call timeout caps the policy's. The policy
 * derived for a call timeout is kept (one entry: clients use one call timeout), so a call that succeeds does not
 * rebuild and revalidate a policy each time.
 */
final class Policies {
    private record Derived(HttpRetryPolicy source, long callTimeoutNanos, HttpRetryPolicy policy) {}

    private final HttpRetryPolicy configured;
    private final AtomicReference<@Nullable Derived> last = new AtomicReference<>();

    Policies(HttpRetryPolicy configured) {
        this.configured = configured;
        OkHttpVersion.checkOnce(); // every interceptor and call factory makes one
    }

    HttpRetryPolicy configured() {
        return configured;
    }

    HttpRetryPolicy effective(Request request, long callTimeoutNanos) {
        HttpRetryPolicy tagged = request.tag(HttpRetryPolicy.class);
        HttpRetryPolicy policy = tagged != null ? tagged : configured;
        if (callTimeoutNanos <= 0) {
            return policy;
        }
        Optional<Duration> own = policy.timeout();
        if (own.isPresent() && own.get().toNanos() <= callTimeoutNanos) {
            return policy;
        }
        Derived cached = last.get();
        if (cached != null && cached.source() == policy && cached.callTimeoutNanos() == callTimeoutNanos) {
            return cached.policy();
        }
        // the call times out anyway: waiting past it would only be cut short by OkHttp's cancel
        HttpRetryPolicy capped =
                policy.toBuilder().timeout(Duration.ofNanos(callTimeoutNanos)).build();
        last.set(new Derived(policy, callTimeoutNanos, capped));
        return capped;
    }
}
