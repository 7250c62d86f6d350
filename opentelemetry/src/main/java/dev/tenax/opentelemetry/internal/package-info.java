/** The listener and the propagator behind {@code TenaxTracing}; not exported. */
@NullMarked
package dev.tenax.opentelemetry.internal;

import org.jspecify.annotations.NullMarked;
