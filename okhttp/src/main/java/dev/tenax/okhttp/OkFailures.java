package dev.tenax.okhttp;

import dev.tenax.http.spi.FailureClassifier;
import dev.tenax.http.spi.TransportFailureKind;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownServiceException;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * OkHttp's own failure types; everything else falls to the core's JDK rules. Classes of OkHttp's internal
 * packages are recognised by name, so that nothing here depends on them.
 */
final class OkFailures implements FailureClassifier {
    private static final String STREAM_RESET = "okhttp3.internal.http2.StreamResetException";
    private static final String CONNECTION_SHUTDOWN = "okhttp3.internal.http2.ConnectionShutdownException";

    private final Call call;

    OkFailures(Call call) {
        this.call = call;
    }

    @Override
    public @Nullable TransportFailureKind classify(Throwable failure) {
        if (failure instanceof UnknownServiceException) {
            // cleartext not permitted (a cancelled call is the core's to judge, from OkRequestInfo)
            return TransportFailureKind.PERMANENT;
        }
        if (failure instanceof InterruptedIOException
                && !(failure instanceof SocketTimeoutException)
                && "timeout".equals(failure.getMessage())) {
            // OkHttp's call timeout, which bounds each attempt of the call factory: the request may have been sent
            return TransportFailureKind.TRANSIENT_MAYBE_SENT;
        }
        if (failure instanceof StaleConnectionCheck.StaleConnectionException) {
            return notSent();
        }
        String type = failure.getClass().getName();
        if (type.equals(STREAM_RESET)) {
            // HTTP/2 REFUSED_STREAM guarantees the server did not process the request (RFC 9113 §8.7)
            String message = failure.getMessage();
            return message != null && message.contains("REFUSED_STREAM")
                    ? notSent()
                    : TransportFailureKind.TRANSIENT_MAYBE_SENT;
        }
        if (type.equals(CONNECTION_SHUTDOWN)) {
            // the HTTP/2 connection was shut down before this stream was created
            return notSent();
        }
        return null;
    }

    /** This hop was not sent; but on a later hop (after a redirect) the attempt's own request was. */
    private TransportFailureKind notSent() {
        RetryAfterGuard.Managed managed = call.tag(RetryAfterGuard.Managed.class);
        return managed != null && managed.answered()
                ? TransportFailureKind.TRANSIENT_MAYBE_SENT
                : TransportFailureKind.TRANSIENT_NOT_SENT;
    }
}
