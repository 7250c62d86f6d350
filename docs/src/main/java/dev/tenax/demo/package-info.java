/**
 * The resilient poller demo: a paginated JSON API that fails at random (deterministically, from a seed) and a
 * poller that saves every page anyway, retrying with Tenax.
 *
 * <p>Run it with {@code ./mvnw -q -Pdemo -pl docs -am package}.
 */
@NullMarked
package dev.tenax.demo;

import org.jspecify.annotations.NullMarked;
