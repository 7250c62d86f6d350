package dev.tenax.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.http.FakeHttp.Response;
import dev.tenax.http.spi.FailureClassifier;
import dev.tenax.http.spi.HttpRequestInfo;
import dev.tenax.http.spi.HttpRetryDriver;
import dev.tenax.http.spi.TransportFailureKind;
import dev.tenax.internal.FakeTiming;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the call's state is judged in core, the same for every adapter: the client's own call timeout is one
 * limit on the whole call (combined with the policy's), and a failure of a cancelled call gives up as
 * {@code CANCELLED}, whatever the adapter's classifier says.
 */
class CallStateTest {
    private final FakeTiming time = new FakeTiming(3);
    private final List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
    private final List<Long> timeoutsGiven = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private HttpRequestInfo request(long callTimeoutNanos) {
        return new HttpRequestInfo() {
            @Override
            public String method() {
                return "GET";
            }

            @Override
            public URI uri() {
                return URI.create("https://a.example/");
            }

            @Override
            public @Nullable String header(String name) {
                return null;
            }

            @Override
            public boolean bodyReplayable() {
                return true;
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }

            @Override
            public boolean cancellable() {
                return true;
            }

            @Override
            public long callTimeoutNanos() {
                return callTimeoutNanos;
            }
        };
    }

    private HttpRetryPolicy.Builder policy() {
        return HttpTestPolicies.withTiming(time).waitJitter(Duration.ZERO).listener(new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {}

            @Override
            public void onGiveUp(GiveUpDetails details) {
                giveUps.add(details);
            }
        });
    }

    private Response send(HttpRetryPolicy policy, HttpRequestInfo request, FakeHttp http) throws IOException {
        return HttpRetryDriver.execute(policy, request, FakeHttp.ACCESS, FailureClassifier.NONE, c -> {
            timeoutsGiven.add(c.timeoutNanos());
            time.advance(Duration.ofMillis(400)); // each attempt takes 0.4 s
            return http.send();
        });
    }

    @Test
    void aShorterClientCallTimeoutIsTheDeadlineOfTheWholeCall() throws Exception {
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(503), new Response(200));

        Response response = send(policy().timeout(Duration.ofSeconds(45)).build(), request(1_000_000_000L), http);

        // 0.4 s + 0.1 s wait + 0.4 s: the third attempt would start past the client's 1 s
        assertThat(response.status).isEqualTo(503);
        assertThat(timeoutsGiven).containsExactly(1_000_000_000L, 500_000_000L);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.DEADLINE);
    }

    @Test
    void aClientCallTimeoutAloneBoundsAPolicyWithoutTimeout() throws Exception {
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(200));

        send(policy().noTimeout().build(), request(2_000_000_000L), http);

        assertThat(timeoutsGiven).containsExactly(2_000_000_000L, 1_500_000_000L);
    }

    @Test
    void aLongerClientCallTimeoutLeavesThePolicysDeadline() throws Exception {
        FakeHttp http = new FakeHttp().then(new Response(200));

        send(
                policy().timeout(Duration.ofSeconds(3)).build(),
                request(Duration.ofHours(1).toNanos()),
                http);

        assertThat(timeoutsGiven).containsExactly(Duration.ofSeconds(3).toNanos());
    }

    @Test
    void aFailureOfACancelledCallGivesUpAsCancelledWhateverTheClassifierSays() {
        FakeHttp http = new FakeHttp().then(new IOException("Canceled"), new Response(200));
        FailureClassifier saysTransient = failure -> TransportFailureKind.TRANSIENT_NOT_SENT;
        cancelled.set(true);

        assertThatThrownBy(() -> HttpRetryDriver.execute(
                        policy().build(), request(0), FakeHttp.ACCESS, saysTransient, c -> http.send()))
                .isInstanceOf(IOException.class)
                .hasMessage("Canceled");
        assertThat(http.attempts()).isEqualTo(1);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.CANCELLED);
    }
}
