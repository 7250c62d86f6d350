package dev.tenax.internal;

import dev.tenax.GiveUpReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * A judge's answer about one attempt: accept it as the call's outcome, retry after the computed backoff, retry
 * after a chosen wait, or stop with a reason. Common verdicts are shared instances so that judging allocates
 * nothing.
 */
public final class Verdict {
    public enum Kind {
        ACCEPT,
        RETRY,
        RETRY_AFTER,
        STOP
    }

    public static final Verdict ACCEPT = new Verdict(Kind.ACCEPT, -1, GiveUpReason.NOT_RETRYABLE, -1, false);
    public static final Verdict RETRY = new Verdict(Kind.RETRY, -1, GiveUpReason.NOT_RETRYABLE, -1, false);
    private static final Map<GiveUpReason, Verdict> STOPS = new EnumMap<>(GiveUpReason.class);

    static {
        for (GiveUpReason reason : GiveUpReason.values()) {
            STOPS.put(reason, new Verdict(Kind.STOP, -1, reason, -1, false));
        }
    }

    public final Kind kind;
    /** For {@link Kind#RETRY_AFTER}: the wait before the next attempt. */
    public final long waitNanos;
    /** For {@link Kind#STOP}: why. */
    public final GiveUpReason reason;
    /** The wait a server asked for, or -1 when no server hint took part. */
    public final long serverWaitNanos;
    /** Whether the server is pacing its clients (a 429 with a hint): the budget charges such a retry nothing. */
    public final boolean paced;

    private Verdict(Kind kind, long waitNanos, GiveUpReason reason, long serverWaitNanos, boolean paced) {
        this.kind = kind;
        this.waitNanos = waitNanos;
        this.reason = reason;
        this.serverWaitNanos = serverWaitNanos;
        this.paced = paced;
    }

    public static Verdict stop(GiveUpReason reason) {
        Verdict verdict = STOPS.get(reason);
        if (verdict == null) {
            throw new IllegalArgumentException("unknown reason " + reason);
        }
        return verdict;
    }

    /** Stop because of what the server asked for (the hint is reported with the give-up). */
    public static Verdict stop(GiveUpReason reason, long serverWaitNanos) {
        return new Verdict(Kind.STOP, -1, reason, serverWaitNanos, false);
    }

    /** Retry after exactly {@code waitNanos}; {@code serverWaitNanos} is the hint behind it, or -1. */
    public static Verdict retryAfter(long waitNanos, long serverWaitNanos) {
        return retryAfter(waitNanos, serverWaitNanos, false);
    }

    /** As {@link #retryAfter(long, long)}; {@code paced} when the server is pacing its clients (a 429 hint). */
    public static Verdict retryAfter(long waitNanos, long serverWaitNanos, boolean paced) {
        return new Verdict(
                Kind.RETRY_AFTER, Math.max(0, waitNanos), GiveUpReason.NOT_RETRYABLE, serverWaitNanos, paced);
    }

    public boolean isRetry() {
        return kind == Kind.RETRY || kind == Kind.RETRY_AFTER;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ACCEPT -> "accept";
            case RETRY -> "retry";
            case RETRY_AFTER -> "retry after " + waitNanos + "ns";
            case STOP -> "stop: " + reason;
        };
    }
}
