package dev.tenax.internal;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Keeps nested retries from multiplying: a Tenax call that starts inside an attempt of another Tenax call (on the
 * thread running that attempt: a policy around a client with Tenax installed, say) makes one attempt and leaves
 * the retrying to the outer call, which judges what the inner one returned or threw. Three attempts around
 * three attempts are then at most three requests, not nine. Either policy may allow nesting ({@code
 * allowNestedRetries(true)}); each pair of policy names is warned about once.
 *
 * <p>Only the thread of the outer attempt is seen: an inner call started later on another thread (a stage
 * composed after the outer attempt returned) retries on its own.
 */
public final class Nesting {
    private static final System.Logger LOG = System.getLogger("dev.tenax");
    private static final int MAX_WARNED_PAIRS = 1_000;
    private static final ThreadLocal<@Nullable RetrySpec> RUNNING = new ThreadLocal<>();
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private Nesting() {}

    /**
     * The switches for a call of {@code inner} starting now: the global ones, or, inside another policy's attempt
     * that does not allow nesting, those of a single attempt.
     */
    public static Switches switchesFor(RetrySpec inner) {
        Switches switches = Switches.current();
        RetrySpec outer = RUNNING.get();
        if (outer == null || !switches.active || outer.allowNestedRetries || inner.allowNestedRetries) {
            return switches;
        }
        warnOnce(outer, inner);
        return Switches.INACTIVE;
    }

    /**
     * Marks the current thread as running an attempt of {@code spec}; pass the result to {@link #exit}.
     *
     * @return the attempt this one is nested in, or {@code null}
     */
    public static @Nullable RetrySpec enter(RetrySpec spec) {
        RetrySpec previous = RUNNING.get();
        RUNNING.set(spec);
        return previous;
    }

    /** Ends the mark {@link #enter} made. */
    public static void exit(@Nullable RetrySpec previous) {
        RUNNING.set(previous);
    }

    private static void warnOnce(RetrySpec outer, RetrySpec inner) {
        String pair = outer.name + "\0" + inner.name;
        if (WARNED.size() >= MAX_WARNED_PAIRS || !WARNED.add(pair)) {
            return;
        }
        try {
            LOG.log(
                    Level.WARNING,
                    "tenax: policy \"{0}\" started inside an attempt of policy \"{1}\": it makes one attempt and"
                            + " \"{1}\" does the retrying, so that nested retries do not multiply; set"
                            + " allowNestedRetries(true) on either policy to let both retry",
                    inner.name,
                    outer.name);
        } catch (RuntimeException loggingFailed) {
            // a broken logging backend must not break the call
        }
    }
}
