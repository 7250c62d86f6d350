package dev.tenax.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.http.FakeHttp.Request;
import dev.tenax.http.FakeHttp.Response;
import dev.tenax.http.spi.FailureClassifier;
import dev.tenax.http.spi.HttpRetryDriver;
import dev.tenax.internal.FakeTiming;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Method × phase × Idempotency-Key × outcome: is the request sent a second time? */
class IdempotencyMatrixTest {
    private static final List<String> METHODS =
            List.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE", "POST", "PATCH", "CONNECT");
    private static final List<String> IDEMPOTENT = List.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

    enum Failure {
        NOT_SENT_CONNECT_REFUSED,
        MAYBE_SENT_READ_TIMEOUT,
        STATUS_503,
        STATUS_429,
        STATUS_500
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String method : METHODS) {
            for (Failure failure : Failure.values()) {
                for (boolean key : new boolean[] {false, true}) {
                    boolean nothingSent = failure == Failure.NOT_SENT_CONNECT_REFUSED;
                    boolean retried = nothingSent || key || IDEMPOTENT.contains(method);
                    cases.add(Arguments.of(method, failure, key, retried));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} key={2} -> retried={3}")
    @MethodSource("matrix")
    void aRequestIsSentAgainOnlyWhenThatIsSafe(String method, Failure failure, boolean key, boolean retried)
            throws IOException {
        FakeHttp http = new FakeHttp().then(first(failure), new Response(200));
        Request request = key
                ? Request.of(method, "https://api.example.com/r", "Idempotency-Key", "abc-123")
                : Request.of(method, "https://api.example.com/r");
        HttpRetryPolicy policy = HttpTestPolicies.withTiming(new FakeTiming(1)).build();

        int status;
        try {
            status = HttpRetryDriver.execute(policy, request, FakeHttp.ACCESS, FailureClassifier.NONE, c -> http.send())
                    .status;
        } catch (IOException notRetried) {
            status = -1;
        }

        assertThat(http.attempts()).isEqualTo(retried ? 2 : 1);
        assertThat(status == 200).isEqualTo(retried);
    }

    private static Object first(Failure failure) {
        return switch (failure) {
            case NOT_SENT_CONNECT_REFUSED -> new ConnectException("Connection refused");
            case MAYBE_SENT_READ_TIMEOUT -> new SocketTimeoutException("Read timed out");
            case STATUS_503 -> new Response(503);
            case STATUS_429 -> new Response(429);
            case STATUS_500 -> new Response(500);
        };
    }
}
