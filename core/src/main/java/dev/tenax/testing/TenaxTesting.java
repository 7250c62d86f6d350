package dev.tenax.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs the annotated test (or every test of the annotated class) with {@link dev.tenax.Tenax#setTesting(boolean,
 * int, boolean) Tenax.setTesting(true, attempts, cap)}: no waits, no timeout, exactly {@code attempts} attempts,
 * and restores the previous state afterwards. An annotation on a method wins over one on its class, and one on a
 * {@code @Nested} class over one on its enclosing classes, which apply to every test nested inside them.
 *
 * <p>The toggle is global, so annotated tests hold an exclusive lock on it: JUnit's parallel execution never runs
 * two of them at once.
 *
 * <pre>{@code
 * @TenaxTesting(attempts = 3)
 * class PaymentClientTest {
 *     @Test
 *     void retriesTwiceThenReportsTheOutage() { ... } // three attempts, no waiting
 * }
 * }</pre>
 */
@SuppressWarnings("exports") // JUnit is an optional dependency: only JUnit users load this type
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(TenaxTestingExtension.class)
@ResourceLock(TenaxTestingExtension.LOCK)
public @interface TenaxTesting {
    /**
     * Attempts per call, {@code >= 1}.
     *
     * @return attempts per call
     */
    int attempts() default 1;

    /**
     * Whether a policy's own smaller attempt limit still applies ({@code min(attempts, configured)}).
     *
     * @return whether to cap
     */
    boolean cap() default false;
}
