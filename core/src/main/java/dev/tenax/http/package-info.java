/**
 * HTTP retry semantics shared by every client module: which statuses and transport failures are retried, which
 * requests may be sent again (idempotency, replayable bodies), how server hints such as {@code Retry-After} are
 * honoured, and retry budgets. Start with {@link dev.tenax.http.HttpRetryPolicy}.
 */
@NullMarked
package dev.tenax.http;

import org.jspecify.annotations.NullMarked;
