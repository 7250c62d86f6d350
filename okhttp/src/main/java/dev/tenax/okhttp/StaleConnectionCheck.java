package dev.tenax.okhttp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * A network interceptor that looks, before a request of a Tenax call is written, whether the pooled HTTP/1
 * connection it was given was closed by the server while it sat idle. If so, nothing of the request has left the
 * machine: the interceptor closes the connection and fails with {@link StaleConnectionException}, which Tenax
 * treats as "not sent", so any method is retried, on a new connection. A connection the server drops <em>after</em>
 * reading the request is healthy here, and its failure stays "may have been sent": a POST is never sent twice. Only
 * the first hop of an attempt is looked at: on a later hop (after a redirect) the attempt's request was sent.
 *
 * <p>The look is a read with a 1 ms socket timeout (the shortest there is), as OkHttp's own health check does; it
 * costs that millisecond on a healthy connection, so it is made only on a connection idle for at least
 * {@link #IDLE_NANOS}. OkHttp checks by itself only connections idle for 10 s, and only for methods other than GET.
 */
final class StaleConnectionCheck implements Interceptor {
    static final StaleConnectionCheck INSTANCE = new StaleConnectionCheck();
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** When each connection Tenax used last answered; weak keys: the pool owns connections. */
    private final Map<Connection, Long> lastUse = new WeakHashMap<>();

    private StaleConnectionCheck() {}

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        RetryAfterGuard.Managed managed = chain.call().tag(RetryAfterGuard.Managed.class);
        if (connection == null || managed == null || managed.answered()) {
            // not Tenax's call, or a later hop (a redirect): the attempt's request was sent, whatever this hop meets
            return chain.proceed(chain.request());
        }
        Long last;
        synchronized (lastUse) {
            last = lastUse.get(connection);
        }
        if (last != null && System.nanoTime() - last >= IDLE_NANOS && probes(connection.protocol())) {
            probe(connection.socket());
        }
        try {
            return chain.proceed(chain.request());
        } finally {
            synchronized (lastUse) {
                lastUse.put(connection, System.nanoTime());
            }
        }
    }

    /**
     * Whether a connection of this protocol may be probed: HTTP/1 only. An HTTP/2 connection's socket belongs to
     * its reader thread, which multiplexes every stream and sees a GOAWAY by itself; a read here would take the
     * reader's lock or its bytes. That includes {@code H2_PRIOR_KNOWLEDGE}, which is not {@code HTTP_2}: once
     * probed, a retried stream's response headers were lost and the attempt hung until OkHttp's read timeout
     * (Http2Scenarios failed so in CI, and a 300-fold repetition under load hung in its first runs: whenever a
     * retry waited 1 s or more).
     */
    static boolean probes(Protocol protocol) {
        return protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0;
    }

    /** Fails if the server closed the connection (or sent something unasked, which also leaves it unusable). */
    private static void probe(Socket socket) throws IOException {
        int timeout = socket.getSoTimeout();
        boolean closed;
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            in.read(); // EOF, or a byte nobody asked for: either way the connection is done
            closed = true;
        } catch (SocketTimeoutException healthy) {
            closed = false;
        } catch (IOException broken) {
            closed = true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(timeout);
            }
        }
        if (closed) {
            socket.close();
            throw new StaleConnectionException();
        }
    }

    /** The pooled connection was closed by the server before the request was written: nothing was sent. */
    static final class StaleConnectionException extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnectionException() {
            super("the server had closed the pooled connection before the request was written");
        }
    }
}
