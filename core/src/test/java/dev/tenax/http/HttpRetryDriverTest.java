package dev.tenax.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryDecision;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.http.FakeHttp.Request;
import dev.tenax.http.FakeHttp.Response;
import dev.tenax.http.spi.FailureClassifier;
import dev.tenax.http.spi.HttpRetryDriver;
import dev.tenax.http.spi.TransportFailureKind;
import dev.tenax.internal.FakeTiming;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class HttpRetryDriverTest {
    private final FakeTiming timing = new FakeTiming(99);
    private final List<RetryDetails> retries = new CopyOnWriteArrayList<>();
    private final List<GiveUpDetails> giveUps = new CopyOnWriteArrayList<>();
    private final RetryListener recorder = new RetryListener() {
        @Override
        public void onRetryScheduled(RetryDetails details) {
            retries.add(details);
        }

        @Override
        public void onGiveUp(GiveUpDetails details) {
            giveUps.add(details);
        }
    };

    private HttpRetryPolicy.Builder policy() {
        return HttpTestPolicies.withTiming(timing).listener(recorder).waitJitter(Duration.ZERO);
    }

    private Response run(HttpRetryPolicy policy, Request request, FakeHttp http) throws IOException {
        return HttpRetryDriver.execute(policy, request, FakeHttp.ACCESS, FailureClassifier.NONE, c -> http.send());
    }

    private static Request get() {
        return Request.of("GET", "https://api.example.com/items/1");
    }

    @Test
    void retriesServiceUnavailableThenReturnsSuccess() throws IOException {
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(502), new Response(200));

        Response response = run(policy().build(), get(), http);

        assertThat(response.status).isEqualTo(200);
        assertThat(response.released).isFalse();
        assertThat(http.sent)
                .hasSize(3)
                .first()
                .satisfies(r -> assertThat(((Response) r).released)
                        .as("a retried response is released")
                        .isTrue());
        assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void exhaustionReturnsTheLastResponseUnreleased() throws IOException {
        FakeHttp http = new FakeHttp().then(new Response(503));

        Response response = run(policy().attempts(3).build(), get(), http);

        assertThat(response.status).isEqualTo(503);
        assertThat(response.released).as("the caller gets the body").isFalse();
        assertThat(http.attempts()).isEqualTo(3);
        assertThat(giveUps).singleElement().satisfies(g -> {
            assertThat(g.reason()).isEqualTo(GiveUpReason.ATTEMPTS);
            assertThat(g.status()).hasValue(503);
            assertThat(g.errorType()).isEqualTo("http_503");
        });
    }

    @Test
    void statusesOutsideTheSetAreReturnedAtOnce() throws IOException {
        FakeHttp http = new FakeHttp().then(new Response(404));

        Response response = run(policy().build(), get(), http);

        assertThat(response.status).isEqualTo(404);
        assertThat(http.attempts()).isEqualTo(1);
        assertThat(giveUps).isEmpty();
    }

    @Test
    void retryOnStatusReplacesTheDefaultSet() throws IOException {
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(409), new Response(200));

        Response response = run(policy().retryOnStatus(409).build(), get(), http);

        assertThat(response.status).isEqualTo(503);
        assertThat(http.attempts()).isEqualTo(1);
    }

    @Test
    void transientTransportFailuresAreRetriedAndTheLastIsRethrownUnchanged() {
        ConnectException refused = new ConnectException("Connection refused");
        EOFException eof = new EOFException("unexpected end of stream");
        FakeHttp http = new FakeHttp().then(refused, eof);

        assertThatThrownBy(() -> run(policy().attempts(3).build(), get(), http))
                .isSameAs(eof)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(refused));
        assertThat(http.attempts()).isEqualTo(3);
    }

    @Test
    void permanentFailuresAreNotRetried() {
        for (IOException permanent : List.of(
                new UnknownHostException("nope.invalid"),
                new SSLHandshakeException("PKIX path building failed") {
                    {
                        initCause(new CertificateException("untrusted"));
                    }
                },
                new java.net.ProtocolException("bad status line"),
                new InterruptedIOException("interrupted"))) {
            FakeHttp http = new FakeHttp().then(permanent);

            assertThatThrownBy(() -> run(policy().build(), get(), http)).isSameAs(permanent);
            assertThat(http.attempts()).as(permanent.toString()).isEqualTo(1);
        }
    }

    @Test
    void postIsNotRetriedAfterRequestWasSent() throws IOException {
        FakeHttp http = new FakeHttp().then(new Response(503));

        Response response = run(policy().build(), Request.of("POST", "https://api.example.com/orders"), http);

        assertThat(response.status).isEqualTo(503);
        assertThat(http.attempts()).isEqualTo(1);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.NOT_IDEMPOTENT);
    }

    @Test
    void postIsRetriedWhenNothingWasSent() throws IOException {
        FakeHttp http = new FakeHttp().then(new ConnectException("refused"), new Response(201));

        Response response = run(policy().build(), Request.of("POST", "https://api.example.com/orders"), http);

        assertThat(response.status).isEqualTo(201);
    }

    @Test
    void postWithAnIdempotencyKeyIsRetried() throws IOException {
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(201));

        Response response = run(
                policy().build(), Request.of("POST", "https://api.example.com/orders", "Idempotency-Key", "k1"), http);

        assertThat(response.status).isEqualTo(201);
    }

    @Test
    void retryNonIdempotentOptsIn() throws IOException {
        FakeHttp http = new FakeHttp().then(new SocketTimeoutException("Read timed out"), new Response(200));

        Response response =
                run(policy().retryNonIdempotent(true).build(), Request.of("PATCH", "https://api.example.com/x"), http);

        assertThat(response.status).isEqualTo(200);
    }

    @Test
    void aBodyThatCannotBeReplayedIsNeverSentTwice() throws IOException {
        FakeHttp afterResponse = new FakeHttp().then(new Response(503));
        FakeHttp beforeSending = new FakeHttp().then(new ConnectException("refused"), new Response(200));
        Request streaming = Request.of("PUT", "https://api.example.com/blob").withBodyReplayable(false);

        assertThat(run(policy().build(), streaming, afterResponse).status).isEqualTo(503);
        assertThat(run(policy().build(), streaming, beforeSending).status).isEqualTo(200);

        assertThat(afterResponse.attempts()).isEqualTo(1);
        assertThat(giveUps).first().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.BODY_NOT_REPLAYABLE);
    }

    @Test
    void retryAfterIsHonouredPlusJitter() throws IOException {
        FakeHttp http = new FakeHttp().then(new Response(429, "Retry-After", "3"), new Response(200));

        run(policy().waitJitter(Duration.ofSeconds(1)).build(), get(), http);

        double firstRandom = new Random(99).nextDouble();
        assertThat(timing.sleeps())
                .containsExactly(Duration.ofSeconds(3).plusNanos((long) (firstRandom * 1_000_000_000L)));
        assertThat(retries)
                .singleElement()
                .satisfies(r -> assertThat(r.status()).hasValue(429));
    }

    @Test
    void aHintBeyondMaxRetryAfterGivesUpAtOnceWithTheResponse() throws IOException {
        FakeHttp http = new FakeHttp().then(new Response(503, "Retry-After", "3600"));

        Response response = run(policy().maxRetryAfter(Duration.ofSeconds(30)).build(), get(), http);

        assertThat(response.status).isEqualTo(503);
        assertThat(response.released).isFalse();
        assertThat(timing.sleeps()).isEmpty();
        assertThat(giveUps).singleElement().satisfies(g -> {
            assertThat(g.reason()).isEqualTo(GiveUpReason.HINT_TOO_LONG);
            assertThat(g.serverWait()).contains(Duration.ofHours(1));
        });
    }

    @Test
    void clampWaitsMaxRetryAfter() throws IOException {
        FakeHttp http = new FakeHttp().then(new Response(503, "Retry-After", "3600"), new Response(200));

        run(
                policy().maxRetryAfter(Duration.ofSeconds(30))
                        .longRetryAfter(LongRetryAfter.CLAMP)
                        .build(),
                get(),
                http);

        assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void ignoreUsesTheComputedBackoff() throws IOException {
        FakeHttp http = new FakeHttp().then(new Response(503, "Retry-After", "3600"), new Response(200));

        run(
                policy().maxRetryAfter(Duration.ofSeconds(30))
                        .longRetryAfter(LongRetryAfter.IGNORE)
                        .build(),
                get(),
                http);

        assertThat(timing.sleeps()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void maxRetryAfterDefaultsToTheTimeout() {
        assertThat(HttpRetryPolicy.builder()
                        .timeout(Duration.ofSeconds(12))
                        .build()
                        .maxRetryAfter())
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(HttpRetryPolicy.builder().noTimeout().build().maxRetryAfter())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aHintThatWouldCrossTheDeadlineGivesUpWithoutWaiting() throws IOException {
        // 20 s allowed by maxRetryAfter, but only 10 s of the timeout left
        FakeHttp http = new FakeHttp().then(new Response(503, "Retry-After", "20"));

        Response response = run(
                policy().timeout(Duration.ofSeconds(10))
                        .maxRetryAfter(Duration.ofSeconds(60))
                        .build(),
                get(),
                http);

        assertThat(response.status).isEqualTo(503);
        assertThat(timing.sleeps()).isEmpty();
        assertThat(giveUps).singleElement().satisfies(g -> {
            assertThat(g.reason()).isEqualTo(GiveUpReason.DEADLINE);
            assertThat(g.serverWait()).contains(Duration.ofSeconds(20));
        });
    }

    @Test
    void retryIfHasFullControlButNotOverTheSafetyRules() throws IOException {
        HttpRetryPredicate conflictToo =
                outcome -> outcome.status().orElse(0) == 409 ? RetryDecision.retry() : outcome.defaultDecision();
        FakeHttp get = new FakeHttp().then(new Response(409), new Response(503), new Response(200));
        FakeHttp post = new FakeHttp().then(new Response(409));

        assertThat(run(policy().retryIf(conflictToo).build(), get(), get).status)
                .isEqualTo(200);
        assertThat(run(policy().retryIf(conflictToo).build(), Request.of("POST", "https://a.example/x"), post).status)
                .isEqualTo(409);

        assertThat(get.attempts()).isEqualTo(3);
        assertThat(post.attempts()).isEqualTo(1);
    }

    @Test
    void aPredicateSeesTheOutcomeAndItsRetryAfterIsAServerWait() throws IOException {
        List<HttpOutcome> seen = new CopyOnWriteArrayList<>();
        FakeHttp http = new FakeHttp().then(new Response(418, "Retry-After", "2"), new Response(200));
        HttpRetryPolicy policy = policy().retryIf(outcome -> {
                    seen.add(outcome);
                    return outcome.status().orElse(0) == 418
                            ? RetryDecision.retryAfter(outcome.serverHint().orElseThrow())
                            : RetryDecision.stop();
                })
                .build();

        run(policy, Request.of("GET", "https://u:p@api.example.com/tea?token=s3cret", "Accept", "tea"), http);

        assertThat(timing.sleeps()).containsExactly(Duration.ofSeconds(2));
        HttpOutcome first = seen.get(0);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.requestHeader("accept")).contains("tea");
        assertThat(first.responseHeader("retry-after")).contains("2");
        assertThat(first.failure()).isEmpty();
        assertThat(first.maybeSent()).isTrue();
        assertThat(first.attemptNumber()).isEqualTo(1);
        assertThat(first.defaultDecision()).isEqualTo(RetryDecision.stop());
        assertThat(first.toString()).doesNotContain("s3cret").doesNotContain("u:p");
    }

    @Test
    void aPredicateSeesFailuresWithTheirPhase() throws IOException {
        List<HttpOutcome> seen = new CopyOnWriteArrayList<>();
        FakeHttp http = new FakeHttp().then(new ConnectException("refused"), new Response(200));

        run(
                policy().retryIf(o -> {
                            seen.add(o);
                            return o.defaultDecision();
                        })
                        .build(),
                get(),
                http);

        assertThat(seen).hasSize(2).first().satisfies(o -> {
            assertThat(o.status()).isEmpty();
            assertThat(o.failure()).containsInstanceOf(ConnectException.class);
            assertThat(o.maybeSent()).isFalse();
            assertThat(o.serverHint()).isEmpty();
            assertThat(o.defaultDecision()).isEqualTo(RetryDecision.retry());
        });
    }

    @Test
    void listenerDetailsCarryARedactedTarget() throws IOException {
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(200));

        run(
                policy().name("payments").build(),
                Request.of("get", "https://user:pw@API.example.com:8443/v1/x?token=abc#f"),
                http);

        assertThat(retries).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("payments");
            assertThat(r.target()).isEqualTo("GET https://api.example.com:8443/v1/x");
            assertThat(r.status()).hasValue(503);
            assertThat(r.errorType()).isEqualTo("http_503");
            assertThat(r.cause()).isNull();
        });
    }

    @Test
    void clientClassifiersComeFirst() throws IOException {
        IOException canceled = new IOException("Canceled");
        FailureClassifier okStyle = f -> "Canceled".equals(f.getMessage()) ? TransportFailureKind.PERMANENT : null;
        FakeHttp http = new FakeHttp().then(canceled);

        assertThatThrownBy(() ->
                        HttpRetryDriver.execute(policy().build(), get(), FakeHttp.ACCESS, okStyle, c -> http.send()))
                .isSameAs(canceled);
        assertThat(http.attempts()).isEqualTo(1);
    }

    @Test
    void anEarlyDecisionAtHeadersTimeIsKept() throws IOException {
        // like the JDK adapter: decide when the headers arrive, discard the body of a response to retry
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(200));
        List<Boolean> decisions = new CopyOnWriteArrayList<>();

        Response response =
                HttpRetryDriver.execute(policy().build(), get(), FakeHttp.ACCESS, FailureClassifier.NONE, context -> {
                    Response r = http.send();
                    decisions.add(context.retryOnHeaders(r.status, r.headers::get));
                    return r;
                });

        assertThat(response.status).isEqualTo(200);
        assertThat(decisions).containsExactly(true, false);
        assertThat(timing.sleeps()).hasSize(1);
    }

    @Test
    void anEarlyGiveUpReturnsTheResponse() throws IOException {
        FakeHttp http = new FakeHttp().then(new Response(503));
        List<Boolean> decisions = new CopyOnWriteArrayList<>();

        Response response = HttpRetryDriver.execute(
                policy().attempts(2).build(), get(), FakeHttp.ACCESS, FailureClassifier.NONE, context -> {
                    Response r = http.send();
                    decisions.add(context.retryOnHeaders(r.status, r.headers::get));
                    return r;
                });

        assertThat(response.status).isEqualTo(503);
        assertThat(response.released).isFalse();
        assertThat(decisions).containsExactly(true, false);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.ATTEMPTS);
    }

    @Test
    void aClientCancelDuringTheWaitEndsTheCallWithCanceled() {
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(200));
        Request plain = get();
        dev.tenax.http.spi.HttpRequestInfo cancellable = new dev.tenax.http.spi.HttpRequestInfo() {
            @Override
            public String method() {
                return plain.method();
            }

            @Override
            public java.net.URI uri() {
                return plain.uri();
            }

            @Override
            public @org.jspecify.annotations.Nullable String header(String name) {
                return plain.header(name);
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
        };
        HttpRetryPolicy policy = policy().listener(d -> cancelled.set(true)).build();

        assertThatThrownBy(() -> HttpRetryDriver.execute(
                        policy, cancellable, FakeHttp.ACCESS, FailureClassifier.NONE, c -> http.send()))
                .isInstanceOf(IOException.class)
                .hasMessage("Canceled");
        assertThat(http.attempts()).isEqualTo(1);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.CANCELLED);
    }

    @Test
    void eachAttemptIsToldTheTimeLeft() throws IOException {
        FakeHttp http = new FakeHttp().then(new Response(503), new Response(200));
        List<Long> remaining = new CopyOnWriteArrayList<>();

        HttpRetryDriver.execute(
                policy().timeout(Duration.ofSeconds(10)).build(),
                get(),
                FakeHttp.ACCESS,
                FailureClassifier.NONE,
                context -> {
                    remaining.add(context.remainingNanos());
                    timing.advance(Duration.ofSeconds(1));
                    return http.send();
                });

        assertThat(remaining)
                .containsExactly(
                        Duration.ofSeconds(10).toNanos(),
                        Duration.ofMillis(8_900).toNanos());
    }

    @Test
    void hundredThousandHostileHintsNeverThrowNorWaitPastTheCap() throws IOException {
        Random random = new Random(7);
        String[] hostile = {"-1", "99999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT", "1e9", "NaN", ""};
        for (int i = 0; i < 100_000; i++) {
            String value = random.nextBoolean()
                    ? hostile[random.nextInt(hostile.length)]
                    : Long.toString(random.nextInt(120) - 10);
            LongRetryAfter rule = List.of(LongRetryAfter.GIVE_UP, LongRetryAfter.CLAMP, LongRetryAfter.IGNORE)
                    .get(random.nextInt(3));
            FakeTiming t = new FakeTiming(i);
            FakeHttp http = new FakeHttp().then(new Response(503, "Retry-After", value), new Response(200));
            HttpRetryPolicy policy = HttpTestPolicies.withTiming(t)
                    .maxRetryAfter(Duration.ofSeconds(30))
                    .longRetryAfter(rule)
                    .build();

            HttpRetryDriver.execute(policy, get(), FakeHttp.ACCESS, FailureClassifier.NONE, c -> http.send());

            // cap: maxRetryAfter plus at most the 1 s jitter
            assertThat(t.sleeps()).allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(31)));
        }
    }
}
