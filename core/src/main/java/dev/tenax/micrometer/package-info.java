/**
 * Binding an application's own Micrometer registry to Tenax: {@link dev.tenax.micrometer.TenaxMetrics}.
 *
 * <pre>{@code
 * TenaxMetrics.Binding binding = TenaxMetrics.bindTo(meterRegistry);
 * }</pre>
 *
 * <p>Needs {@code io.micrometer:micrometer-core} on the class path (an optional dependency of Tenax); nothing in
 * Tenax loads this package unless your code uses it.
 */
@NullMarked
package dev.tenax.micrometer;

import org.jspecify.annotations.NullMarked;
