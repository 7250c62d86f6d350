package dev.tenax.okhttp;

import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Interceptor;
import okio.Timeout;

/** Gives an attempt the engine's time limit through OkHttp's own timeouts, and reads a call's own limit. */
final class OkTimeouts {
    private OkTimeouts() {}

    /**
     * {@code chain} with its connect, read and write timeouts at most {@code nanos} (the attempt's time), each kept
     * where the client's own is shorter. Expiry is OkHttp's own {@code SocketTimeoutException}.
     */
    static Interceptor.Chain bounded(Interceptor.Chain chain, long nanos) {
        if (nanos == Long.MAX_VALUE) {
            return chain;
        }
        int millis = millis(nanos);
        Interceptor.Chain bounded = chain;
        if (exceeds(chain.connectTimeoutMillis(), millis)) {
            bounded = bounded.withConnectTimeout(millis, TimeUnit.MILLISECONDS);
        }
        if (exceeds(chain.readTimeoutMillis(), millis)) {
            bounded = bounded.withReadTimeout(millis, TimeUnit.MILLISECONDS);
        }
        if (exceeds(chain.writeTimeoutMillis(), millis)) {
            bounded = bounded.withWriteTimeout(millis, TimeUnit.MILLISECONDS);
        }
        return bounded;
    }

    /**
     * Makes {@code nanos} the whole limit of an attempt call (in place of the client's {@code callTimeout}, which
     * bounds the logical call, not each attempt). Expiry is OkHttp's own {@code InterruptedIOException("timeout")}.
     */
    static void bound(Call attempt, long nanos) {
        Timeout timeout = attempt.timeout();
        timeout.clearDeadline();
        if (nanos == Long.MAX_VALUE) {
            timeout.clearTimeout();
        } else {
            timeout.timeout(Math.max(1, nanos), TimeUnit.NANOSECONDS);
        }
    }

    /** A call's own limit as OkHttp applies it (its timeout, and its deadline if set), in nanoseconds; 0 for none. */
    static long limitNanos(Timeout timeout) {
        long limit = timeout.timeoutNanos();
        if (timeout.hasDeadline()) {
            long left = Math.max(1, timeout.deadlineNanoTime() - System.nanoTime());
            limit = limit == 0 ? left : Math.min(limit, left);
        }
        return limit;
    }

    private static boolean exceeds(int clientMillis, int millis) {
        return clientMillis == 0 || clientMillis > millis; // 0: no timeout of the client's
    }

    private static int millis(long nanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos + 999_999); // rounded up, and at least 1 ms
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }
}
