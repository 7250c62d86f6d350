package dev.tenax.apache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.http.spi.TransportFailureKind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.UnsupportedSchemeException;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http2.H2Error;
import org.apache.hc.core5.http2.H2StreamResetException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HttpClient's failure types, mapped to whether the request may have been sent. */
class ApacheFailuresTest {
    private final ApacheFailures failures = ApacheFailures.INSTANCE;

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ConnectTimeoutException("Connect timed out"), TransportFailureKind.TRANSIENT_NOT_SENT),
                Arguments.of(
                        new HttpHostConnectException("Connection refused"), TransportFailureKind.TRANSIENT_NOT_SENT),
                Arguments.of(new RequestNotExecutedException(), TransportFailureKind.TRANSIENT_NOT_SENT),
                // issue 13, defect 8: a refused stream was never processed; any other reset may have been
                Arguments.of(
                        new H2StreamResetException(H2Error.REFUSED_STREAM, "Stream refused"),
                        TransportFailureKind.TRANSIENT_NOT_SENT),
                Arguments.of(new H2StreamResetException(H2Error.INTERNAL_ERROR, "Stream reset (2)"), null),
                Arguments.of(
                        new NoHttpResponseException("failed to respond"), TransportFailureKind.TRANSIENT_MAYBE_SENT),
                Arguments.of(new ConnectionClosedException(), TransportFailureKind.TRANSIENT_MAYBE_SENT),
                Arguments.of(new RequestFailedException("Request aborted"), TransportFailureKind.PERMANENT),
                Arguments.of(new CancellationException("cancelled"), TransportFailureKind.PERMANENT),
                Arguments.of(new UnsupportedSchemeException("gopher"), TransportFailureKind.PERMANENT),
                Arguments.of(new ProtocolException("malformed"), TransportFailureKind.PERMANENT),
                // left to the core's JDK rules: a read timeout means "maybe sent"
                Arguments.of(new SocketTimeoutException("Read timed out"), null),
                Arguments.of(new IOException("Connection reset"), null));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void classifiesHttpClientsOwnFailures(Throwable failure, @Nullable TransportFailureKind expected) {
        assertThat(failures.classify(failure)).isEqualTo(expected);
    }
}
