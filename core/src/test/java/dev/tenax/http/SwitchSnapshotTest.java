package dev.tenax.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.Tenax;
import dev.tenax.http.FakeHttp.Request;
import dev.tenax.http.FakeHttp.Response;
import dev.tenax.http.spi.FailureClassifier;
import dev.tenax.http.spi.HttpRetryDriver;
import dev.tenax.internal.FakeTiming;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Issue 12: an HTTP call reads the global switches once, when it starts, like every other call. */
@ResourceLock("dev.tenax.Tenax")
class SwitchSnapshotTest {

    @Test
    void aCallStartedInTestingModeKeepsItsSwitchesWhenTheHandleClosesMidCall() throws IOException {
        FakeHttp http = new FakeHttp()
                .then(
                        new Response(503, "Retry-After", "3600"),
                        new Response(503, "Retry-After", "3600"),
                        new Response(200));
        Tenax.Handle testing = Tenax.setTesting(true, 3, false);
        HttpRetryPolicy policy = HttpTestPolicies.withTiming(new FakeTiming(1))
                .maxRetryAfter(Duration.ofSeconds(30))
                .listener(details -> testing.close()) // the test's switch goes away during the call
                .build();
        try {
            Response response = HttpRetryDriver.execute(
                    policy,
                    Request.of("GET", "https://api.example.com/jobs"),
                    FakeHttp.ACCESS,
                    FailureClassifier.NONE,
                    c -> http.send());

            assertThat(response.status)
                    .as("testing mode ignores long hints for the whole call")
                    .isEqualTo(200);
            assertThat(http.attempts()).isEqualTo(3);
        } finally {
            testing.close();
        }
    }
}
