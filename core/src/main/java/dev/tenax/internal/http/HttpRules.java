package dev.tenax.internal.http;

import dev.tenax.http.HttpRetryPredicate;
import dev.tenax.http.LongRetryAfter;
import dev.tenax.internal.RetrySpec;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/** An HTTP policy's validated settings: the core spec plus the HTTP rules. Immutable. */
public record HttpRules(
        RetrySpec spec,
        BitSet statuses,
        @Nullable HttpRetryPredicate predicate,
        boolean retryNonIdempotent,
        long maxRetryAfterNanos,
        LongRetryAfter longRetryAfter,
        @Nullable String attemptHeader) {

    public HttpRules {
        statuses = (BitSet) statuses.clone();
    }

    public boolean retriesStatus(int status) {
        return status >= 0 && statuses.get(status);
    }

    @Override
    public BitSet statuses() {
        return (BitSet) statuses.clone();
    }
}
