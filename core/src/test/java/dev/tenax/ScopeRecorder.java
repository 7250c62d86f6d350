package dev.tenax;

import java.util.List;

/** A listener whose wait scopes record "open n" and "close n" (n = retry number) into a shared list. */
final class ScopeRecorder implements RetryListener {
    private final List<String> order;

    ScopeRecorder(List<String> order) {
        this.order = order;
    }

    @Override
    public void onRetryScheduled(RetryDetails details) {}

    @Override
    public RetryScope openScope(RetryDetails details) {
        order.add("open " + details.retryNumber());
        return () -> order.add("close " + details.retryNumber());
    }
}
