package dev.tenax;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** An operation that fails a given number of times, then succeeds; counts its attempts. */
final class Attempts {
    private final AtomicInteger count = new AtomicInteger();
    private final int failures;

    private Attempts(int failures) {
        this.failures = failures;
    }

    static Attempts failingTimes(int failures) {
        return new Attempts(failures);
    }

    static Attempts alwaysFailing() {
        return new Attempts(Integer.MAX_VALUE);
    }

    String call() throws IOException {
        int n = count.incrementAndGet();
        if (n <= failures) {
            throw new IOException("attempt " + n + " failed");
        }
        return "ok after " + n;
    }

    int count() {
        return count.get();
    }
}
