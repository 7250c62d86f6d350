package dev.tenax.internal.http;

import dev.tenax.http.spi.TransportFailureKind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLProtocolException;

/**
 * The core's classification of JDK exception types, used for every failure a client module does not classify
 * itself. Retried: connection refused/reset/closed, connect and read timeouts, no response, broken streams.
 * Never: TLS verification failures, unknown hosts, cancellation, interruption, protocol errors, anything that
 * is not an {@link IOException}.
 */
public final class JdkFailureRules {
    private static final int MAX_CAUSE_DEPTH = 16;

    // by name: core does not require the java.net.http module, which a small runtime image may leave out
    private static final String HTTP_CONNECT_TIMEOUT = "java.net.http.HttpConnectTimeoutException";
    private static final String HTTP_TIMEOUT = "java.net.http.HttpTimeoutException";

    private JdkFailureRules() {}

    public static TransportFailureKind classify(Throwable failure) {
        if (!(failure instanceof IOException) || failure instanceof CharacterCodingException) {
            return TransportFailureKind.PERMANENT;
        }
        if (causedBy(failure, UnknownHostException.class)
                || causedBy(failure, GeneralSecurityException.class) // certificate and trust-path failures
                || causedBy(failure, SSLPeerUnverifiedException.class)
                || causedBy(failure, CancellationException.class)
                || failure instanceof SSLProtocolException
                || failure instanceof ProtocolException) {
            return TransportFailureKind.PERMANENT;
        }
        if (isA(failure, HTTP_CONNECT_TIMEOUT)
                || failure instanceof ConnectException
                || failure instanceof NoRouteToHostException
                || failure instanceof PortUnreachableException
                || failure instanceof SSLHandshakeException) {
            // nothing of the request left the machine: safe for any method
            return TransportFailureKind.TRANSIENT_NOT_SENT;
        }
        if (failure instanceof SocketTimeoutException) {
            String message = failure.getMessage();
            return message != null && message.toLowerCase(Locale.ROOT).contains("connect")
                    ? TransportFailureKind.TRANSIENT_NOT_SENT
                    : TransportFailureKind.TRANSIENT_MAYBE_SENT;
        }
        if (isA(failure, HTTP_TIMEOUT)) {
            return TransportFailureKind.TRANSIENT_MAYBE_SENT;
        }
        if (failure instanceof InterruptedIOException) {
            // an interrupt or a cancelled call, not a slow server
            return TransportFailureKind.PERMANENT;
        }
        // EOF, connection reset, broken pipe, closed streams, "no response": the request may have been sent
        return TransportFailureKind.TRANSIENT_MAYBE_SENT;
    }

    private static boolean isA(Throwable failure, String className) {
        for (Class<?> c = failure.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (type.isInstance(t)) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }
}
