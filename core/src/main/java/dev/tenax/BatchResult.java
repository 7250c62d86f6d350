package dev.tenax;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link RetryPolicy#callAllAsync}: the value of every key that succeeded and the last failure of
 * every key that did not, each in the order of the keys given. A batch with partial success is not a failure:
 * look at {@link #failures()}.
 *
 * <pre>{@code
 * BatchResult<String, User> result = policy.callAllAsync(ids, id -> client.fetchUserAsync(id)).join();
 * result.successes().forEach(cache::put);
 * result.failures().forEach((id, failure) -> log.warn("user {} unavailable", id, failure));
 * }</pre>
 *
 * <p>Immutable; the maps are unmodifiable.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class BatchResult<K, V> {
    private final Map<K, V> successes;
    private final Map<K, Throwable> failures;

    BatchResult(Map<K, V> successes, Map<K, Throwable> failures) {
        this.successes = Collections.unmodifiableMap(new LinkedHashMap<>(successes));
        this.failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    /** The value of each key that succeeded (within its retries), in key order. */
    public Map<K, V> successes() {
        return successes;
    }

    /** The last failure of each key that did not succeed, earlier attempts' failures suppressed in it. */
    public Map<K, Throwable> failures() {
        return failures;
    }

    /** Whether every key succeeded. */
    public boolean allSucceeded() {
        return failures.isEmpty();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof BatchResult<?, ?> other
                && successes.equals(other.successes)
                && failures.equals(other.failures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(successes, failures);
    }

    @Override
    public String toString() {
        return "BatchResult[successes=" + successes.keySet() + ", failures=" + failures.keySet() + "]";
    }
}
