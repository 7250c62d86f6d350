package dev.tenax.testkit;

import dev.tenax.ContextPropagator;
import dev.tenax.RetryDetails;
import dev.tenax.http.HttpRetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A caller's thread-local context (a tenant name) and the {@link ContextPropagator} that carries it, for the
 * adapters' context tests (issue 16): each records what its client saw per attempt with {@link #current()}, and
 * the policy records what the listener saw.
 */
public final class TenantContext {
    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    /** Carries the tenant the caller had when the call started; puts back what the thread had after. */
    public static final ContextPropagator PROPAGATOR = () -> {
        String captured = TENANT.get();
        return () -> {
            String previous = TENANT.get();
            TENANT.set(captured);
            return () -> TENANT.set(previous);
        };
    };

    /** What the listener saw, one entry per scheduled retry. */
    public final List<String> listenerSaw = new CopyOnWriteArrayList<>();

    /** The tenant on this thread, {@code "null"} when there is none. */
    public static String current() {
        return String.valueOf(TENANT.get());
    }

    /**
     * Runs {@code start} (which starts an async call) as the caller with {@code tenant} in place, and clears it
     * after, so that only the propagator can bring it back on another thread.
     */
    public static <T> T startAs(String tenant, Supplier<T> start) {
        TENANT.set(tenant);
        try {
            return start.get();
        } finally {
            TENANT.remove();
        }
    }

    /** Two attempts, 1 ms apart, with the propagator and a listener that records the tenant it saw. */
    public HttpRetryPolicy policy() {
        return HttpRetryPolicy.builder()
                .attempts(2)
                .waitInitial(Duration.ofMillis(1))
                .waitJitter(Duration.ZERO)
                .contextPropagator(PROPAGATOR)
                .listener((RetryDetails details) -> listenerSaw.add(current()))
                .build();
    }
}
