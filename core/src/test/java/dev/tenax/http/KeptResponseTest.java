package dev.tenax.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryListener;
import dev.tenax.http.FakeHttp.Request;
import dev.tenax.http.FakeHttp.Response;
import dev.tenax.http.spi.FailureClassifier;
import dev.tenax.http.spi.HttpRetryDriver;
import dev.tenax.http.spi.ResponseAccess;
import dev.tenax.internal.FakeTiming;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: when the deadline passes while a retried response is released or during the wait, no attempt starts
 * after it: the caller gets the kept copy of the last real response, not a new attempt and not an invented error.
 */
class KeptResponseTest {
    private final FakeTiming time = new FakeTiming(7);
    private final List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();

    /** Releasing takes {@code releaseTakes} on the fake clock, and keeps a copy marked with status + 1000. */
    private ResponseAccess<Response> access(Duration releaseTakes, boolean keeps) {
        return new ResponseAccess<>() {
            @Override
            public int status(Response response) {
                return response.status;
            }

            @Override
            public @Nullable String header(Response response, String name) {
                return response.headers.get(name);
            }

            @Override
            public void release(Response response) {
                response.released = true;
                time.advance(releaseTakes);
            }

            @Override
            public @Nullable Response releaseKeeping(Response response) {
                release(response);
                return keeps ? new Response(response.status + 1000) : null;
            }
        };
    }

    private HttpRetryPolicy policy() {
        return HttpTestPolicies.withTiming(time)
                .timeout(Duration.ofSeconds(3))
                .attemptTimeout(Duration.ofSeconds(2))
                .waitInitial(Duration.ofMillis(100))
                .waitJitter(Duration.ZERO)
                .listener(new RetryListener() {
                    @Override
                    public void onRetryScheduled(dev.tenax.RetryDetails details) {}

                    @Override
                    public void onGiveUp(GiveUpDetails details) {
                        giveUps.add(details);
                    }
                })
                .build();
    }

    @Test
    void aReleaseThatUsesUpTheTimeEndsTheCallWithTheKeptResponse() throws Exception {
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(200));

        Response response = HttpRetryDriver.execute(
                policy(),
                Request.of("GET", "https://a.example/"),
                access(Duration.ofSeconds(5), true),
                FailureClassifier.NONE,
                c -> http.send());

        assertThat(response.status).isEqualTo(1503);
        assertThat(http.attempts()).isEqualTo(1);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.DEADLINE);
    }

    @Test
    void asynchronouslyToo() throws Exception {
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(200));

        Response response = HttpRetryDriver.executeAsync(
                        policy(),
                        Request.of("GET", "https://a.example/"),
                        access(Duration.ofSeconds(5), true),
                        FailureClassifier.NONE,
                        c -> {
                            try {
                                return CompletableFuture.completedFuture(http.send());
                            } catch (java.io.IOException e) {
                                return CompletableFuture.failedFuture(e);
                            }
                        })
                .get();

        assertThat(response.status).isEqualTo(1503);
        assertThat(http.attempts()).isEqualTo(1);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.DEADLINE);
    }

    @Test
    void withoutAKeptCopyOneMoreAttemptGivesTheCallerARealOutcome() throws Exception {
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(200));

        Response response = HttpRetryDriver.execute(
                policy(),
                Request.of("GET", "https://a.example/"),
                access(Duration.ofSeconds(5), false),
                FailureClassifier.NONE,
                c -> http.send());

        assertThat(response.status).isEqualTo(200);
        assertThat(http.attempts()).isEqualTo(2);
    }

    @Test
    void aQuickReleaseLeavesTheRetryAsItWas() throws Exception {
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(200));

        Response response = HttpRetryDriver.execute(
                policy(),
                Request.of("GET", "https://a.example/"),
                access(Duration.ofMillis(1), true),
                FailureClassifier.NONE,
                c -> http.send());

        assertThat(response.status).isEqualTo(200);
        assertThat(giveUps).isEmpty();
    }

    @Test
    void eachAttemptIsGivenTheSmallerOfTheAttemptTimeoutAndTheTimeLeft() throws Exception {
        List<Long> given = new CopyOnWriteArrayList<>();
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(200));

        HttpRetryDriver.execute(
                policy(),
                Request.of("GET", "https://a.example/"),
                access(Duration.ofMillis(1_500), true),
                FailureClassifier.NONE,
                c -> {
                    given.add(c.timeoutNanos());
                    return http.send();
                });

        // first: the 2 s attempt timeout; second: 3 s − 1.5 s release − 0.1 s wait = 1.4 s left
        assertThat(given)
                .containsExactly(
                        Duration.ofSeconds(2).toNanos(),
                        Duration.ofMillis(1_400).toNanos());
    }
}
