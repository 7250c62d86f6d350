package dev.tenax;

import dev.tenax.internal.Permits;

/**
 * At most {@code permits} attempts in flight at once, across every call of every policy that shares this limit
 * (Spring's {@code @ConcurrencyLimit}, Envoy's retry concurrency budget). A permit is held by an attempt from its
 * start until its outcome is known, never during the wait before a retry, so callers that are waiting to retry
 * leave room for others.
 *
 * <p>An attempt that finds no permit free waits for one: a blocking call parks its thread (interruptibly: an
 * interrupt ends the call at once and keeps the flag), an asynchronous call ({@code callAsync} and the async HTTP
 * adapters) is queued without a thread and started on the policy's executor when a permit frees; cancelling its
 * future removes it from the queue. Waiting for a permit counts toward the call's timeout: an attempt that gets no
 * permit before the deadline fails with an {@link java.io.InterruptedIOException} saying "timeout", as the HTTP
 * clients' own call timeouts do, and the call ends for its deadline. An interrupt while waiting ends the call as
 * an interrupted wait does. Permits are handed out first come, first served. With {@code Tenax.setActive(false)}
 * Tenax is off and so is the limit.
 *
 * <pre>{@code
 * ConcurrencyLimit fourAtATime = ConcurrencyLimit.of(4);          // shared by every call below
 * RetryPolicy policy = RetryPolicy.on(IOException.class).concurrencyLimit(fourAtATime).build();
 * List<CompletableFuture<Report>> reports = ids.stream().map(id -> policy.callAsync(() -> fetch(id))).toList();
 * }</pre>
 */
public final class ConcurrencyLimit {
    /** The most permits a limit may have. */
    public static final int MAX_PERMITS = 1_000_000;

    static {
        Permits.register(limit -> limit.permits);
    }

    private final Permits permits;

    private ConcurrencyLimit(int permits) {
        this.permits = new Permits(permits);
    }

    /**
     * A limit of {@code permits} attempts in flight at once.
     *
     * @param permits {@code 1} to {@value #MAX_PERMITS}
     * @return a new limit; share one instance between the policies it should limit together
     * @throws IllegalArgumentException if {@code permits} is out of range
     */
    public static ConcurrencyLimit of(int permits) {
        if (permits < 1 || permits > MAX_PERMITS) {
            throw new IllegalArgumentException(
                    "permits must be between 1 and " + MAX_PERMITS + " (was " + permits + ")");
        }
        return new ConcurrencyLimit(permits);
    }

    /** Permits free right now (a snapshot). */
    public int available() {
        return permits.available();
    }

    /** Attempts waiting for a permit right now (a snapshot). */
    public int queued() {
        return permits.queued();
    }

    @Override
    public String toString() {
        return "ConcurrencyLimit.of(" + permits.size() + ")";
    }
}
