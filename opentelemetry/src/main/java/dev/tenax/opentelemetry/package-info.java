/**
 * Tenax retries in OpenTelemetry traces: span events on the caller's span, and the caller's context in every
 * later attempt of an asynchronous call.
 *
 * <pre>{@code
 * Tenax.setContextPropagators(List.of(TenaxTracing.contextPropagator()));
 * RetryPolicy policy = RetryPolicy.on(IOException.class).listener(TenaxTracing.listener()).build();
 * }</pre>
 */
@NullMarked
package dev.tenax.opentelemetry;

import org.jspecify.annotations.NullMarked;
