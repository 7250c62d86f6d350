/**
 * JUnit 5 support: {@link dev.tenax.testing.TenaxTesting} makes every retry instant and the attempt count
 * exact for the annotated tests. Needs {@code junit-jupiter-api} on the test class path.
 */
@NullMarked
package dev.tenax.testing;

import org.jspecify.annotations.NullMarked;
