package dev.tenax.benchmarks.http;

import dev.tenax.http.HttpRetryPolicy;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * How a harness asks each client variant to retry: the Tenax policy (for Tenax rows) and, for peers, an attempt
 * count and a fixed wait ({@code 0}/{@code null}: the peer's documented default). Peers retry the same statuses
 * as Tenax's default ({@link #STATUSES}) and every {@code IOException}.
 *
 * @param tenax the policy of Tenax rows
 * @param peerAttempts the attempts of peer rows, the first included; {@code 0} = the peer's documented default
 * @param peerWait the fixed wait between a peer's attempts; {@code null} = the peer's documented default
 */
public record RetrySetup(
        HttpRetryPolicy tenax, int peerAttempts, @Nullable Duration peerWait) {
    /** The statuses peers retry: Tenax's default set. */
    private static final int[] STATUSES = {408, 429, 500, 502, 503, 504};

    /** Tenax's defaults; peers at their documented defaults. */
    public static RetrySetup defaults() {
        return new RetrySetup(HttpRetryPolicy.defaults(), 0, null);
    }

    /** Whether a peer retries a response with {@code status}. */
    public static boolean retriedStatus(int status) {
        return Arrays.binarySearch(STATUSES, status) >= 0;
    }

    /** {@link #peerAttempts} if set, else {@code documented}. */
    public int peerAttemptsOr(int documented) {
        return peerAttempts > 0 ? peerAttempts : documented;
    }

    /** {@link #peerWait} if set, else {@code documented}. */
    public Duration peerWaitOr(Duration documented) {
        Duration wait = peerWait;
        return wait != null ? wait : documented;
    }
}
