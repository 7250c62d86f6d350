package dev.tenax.micrometer;

import dev.tenax.RetryListener;
import dev.tenax.internal.BoundMicrometerListener;
import dev.tenax.internal.Listeners;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Records Tenax's meters into a {@link MeterRegistry} of your choice: for every policy ({@link #bindTo}) or for
 * one ({@link #listener}).
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * TenaxMetrics.Binding metrics = TenaxMetrics.bindTo(registry); // at startup
 * // ... every policy now records tenax.retries, tenax.giveups, tenax.attempts, tenax.wait, tenax.budget.refused
 * metrics.close(); // at shutdown, or never
 * }</pre>
 *
 * <p>The meters: {@code tenax.retries} (counter; tags {@code name}, {@code retry_number} as {@code 1}, {@code 2},
 * {@code 3} or {@code 4+}, {@code error_type}), {@code tenax.giveups} (counter; {@code name}, {@code reason}: the
 * {@link dev.tenax.GiveUpReason} in lower case), {@code tenax.attempts} (distribution summary with histogram
 * buckets, one sample per call; {@code name}, {@code outcome}: {@code success} or {@code giveup}),
 * {@code tenax.wait} (timer of each scheduled wait; {@code name}) and {@code tenax.budget.refused} (counter of calls
 * the retry budget stopped; {@code name}). Every tag value is bounded.
 *
 * <p><b>Counting once.</b> Without any binding, Tenax's default listeners record into
 * {@code Metrics.globalRegistry} (every meter but {@code tenax.attempts}, which needs an event per successful
 * call). While any registry is bound, that default listener steps aside, so a registry that is also part of the
 * global composite (Spring Boot adds its own there) counts each event once; bind {@code Metrics.globalRegistry}
 * itself to get every meter there. Bind each registry once: two bindings of one registry count twice, and so does
 * a registry both bound and given to a policy with {@link #listener}.
 *
 * <p>This class, and so this package, is loaded only by code that calls it: Micrometer stays an optional
 * dependency of Tenax.
 */
@SuppressWarnings("exports") // Micrometer is an optional dependency: only Micrometer users load this type
public final class TenaxMetrics {
    private TenaxMetrics() {}

    /**
     * A registry's binding; closing it stops the recording into that registry (the meters already registered stay
     * in it). Closing twice has no further effect; it never throws.
     *
     * <pre>{@code
     * try (TenaxMetrics.Binding ignored = TenaxMetrics.bindTo(registry)) {
     *     policy.call(() -> client.fetch(id)); // recorded into registry
     * }
     * }</pre>
     */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        /**
         * Stops recording into the registry: the global listener of this binding is removed (when it was the
         * last binding, the zero-configuration listener on the global registry is back).
         *
         * <pre>{@code
         * binding.close();
         * }</pre>
         */
        @Override
        void close();
    }

    /**
     * Makes every policy record into {@code registry}, from the next event on, until the returned binding is
     * closed. The binding is a global listener of its own: {@link dev.tenax.Tenax#setListeners} does not remove
     * it, and {@code Tenax.setActive(false)} silences it like every listener. While any binding is open, the
     * default listener on {@code Metrics.globalRegistry} is left out, so nothing is counted twice.
     *
     * <pre>{@code
     * TenaxMetrics.Binding binding = TenaxMetrics.bindTo(meterRegistry);
     * }</pre>
     *
     * @param registry where to record
     * @return the binding; close it to stop
     */
    public static Binding bindTo(MeterRegistry registry) {
        Runnable unbind = Listeners.bind(new BoundMicrometerListener(Objects.requireNonNull(registry, "registry")));
        return unbind::run;
    }

    /**
     * A listener that records Tenax's meters into {@code registry}, for the policies you give it to (each meter is
     * tagged with the policy's name). It records in addition to the global listeners: do not also bind the same
     * registry, nor give it a registry that is part of {@code Metrics.globalRegistry} while the default listener
     * still records there.
     *
     * <pre>{@code
     * RetryPolicy policy = RetryPolicy.on(IOException.class)
     *     .name("fetch-user")
     *     .listener(TenaxMetrics.listener(meterRegistry))
     *     .build();
     * }</pre>
     *
     * @param registry where to record
     * @return a new listener; it is thread-safe and may be shared by several policies
     */
    public static RetryListener listener(MeterRegistry registry) {
        return new BoundMicrometerListener(Objects.requireNonNull(registry, "registry"));
    }
}
