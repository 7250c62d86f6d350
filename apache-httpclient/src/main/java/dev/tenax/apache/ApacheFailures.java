package dev.tenax.apache;

import dev.tenax.http.spi.FailureClassifier;
import dev.tenax.http.spi.TransportFailureKind;
import java.util.concurrent.CancellationException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.UnsupportedSchemeException;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http2.H2Error;
import org.apache.hc.core5.http2.H2StreamResetException;
import org.jspecify.annotations.Nullable;

/**
 * HttpClient's own failure types, mapped to what they say about the request having been sent; everything else
 * (read timeouts, resets, TLS, unknown hosts…) falls to the core's JDK rules. Types only: the call's state
 * (cancelled, response handed to the caller) is not a classification, and is not looked at here.
 */
enum ApacheFailures implements FailureClassifier {
    INSTANCE;

    @Override
    public @Nullable TransportFailureKind classify(Throwable failure) {
        if (failure instanceof RequestFailedException // the request was aborted (cancelled)
                || failure instanceof CancellationException
                || failure instanceof UnsupportedSchemeException
                || failure instanceof HttpException) { // a protocol error: both handlers' attempts throw it as is
            return TransportFailureKind.PERMANENT;
        }
        if (failure instanceof ConnectTimeoutException
                || failure instanceof HttpHostConnectException
                // also HTTP/2 streams above a GOAWAY's last stream id: HttpClient fails them with this
                || failure instanceof RequestNotExecutedException
                || refusedStream(failure)) {
            // the connection was never made, or the request did not go out, or the server did not process it
            return TransportFailureKind.TRANSIENT_NOT_SENT;
        }
        if (failure instanceof NoHttpResponseException || failure instanceof ConnectionClosedException) {
            // the request went out (or may have) and the connection ended without a response
            return TransportFailureKind.TRANSIENT_MAYBE_SENT;
        }
        return null;
    }

    /** RST_STREAM(REFUSED_STREAM): the server processed nothing of the request (RFC 9113, section 8.7). */
    private static boolean refusedStream(Throwable failure) {
        return failure instanceof H2StreamResetException reset && reset.getCode() == H2Error.REFUSED_STREAM.getCode();
    }
}
