package dev.tenax.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryBudget;
import dev.tenax.Tenax;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every retry behaviour a Tenax client module promises, on a real socket (MockWebServer), written once. A client
 * module extends this class once per variant and implements {@link #newClient} (and says whether it speaks HTTP/2,
 * {@link Http2Scenarios}). Waits run on a
 * {@link VirtualTime} clock (no real multi-second waits), except in the cancel and interrupt scenarios, which
 * need a real pending wait.
 */
public abstract class ClientContract extends ServerScenarios
        implements HeaderScenarios, RedirectScenarios, Http2Scenarios, BudgetScenarios {
    private static final String SECRET = "s3cr3t";

    private @Nullable VirtualTime time;

    @BeforeEach
    void installVirtualTime() {
        time = VirtualTime.install();
    }

    @AfterEach
    void restoreRealTime() {
        realTime();
    }

    private VirtualTime time() {
        VirtualTime t = time;
        if (t == null) {
            throw new IllegalStateException("this scenario runs on real time");
        }
        return t;
    }

    @Override
    public void scenarioRealTime() {
        realTime();
    }

    /** Switches this scenario to real time, for a wait that must really be pending. */
    private void realTime() {
        VirtualTime t = time;
        if (t != null) {
            t.close();
            time = null;
        }
    }

    /** A policy with the scenario's listener; the budget is off unless a scenario is about budgets. */
    protected HttpRetryPolicy.Builder policy() {
        return HttpRetryPolicy.builder().budget(RetryBudget.unlimited()).listener(recorder);
    }

    protected ContractClient client(HttpRetryPolicy.Builder policy) {
        return track(newClient(policy.build()));
    }

    protected ContractClient client() {
        return client(policy());
    }

    @Override
    public MockWebServer mockServer() {
        return server;
    }

    @Override
    public HttpRetryPolicy.Builder scenarioPolicy() {
        return policy();
    }

    @Override
    public ContractClient scenarioClient(HttpRetryPolicy.Builder policy) {
        return client(policy);
    }

    @Override
    public List<GiveUpDetails> recordedGiveUps() {
        return giveUps;
    }

    protected URI uri(String path) {
        return server.url(path).uri();
    }

    protected static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("status " + code).build();
    }

    protected static MockResponse status(int code, String body, String... headers) {
        MockResponse.Builder builder = new MockResponse.Builder().code(code).body(body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.addHeader(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    private void always(MockResponse response) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        });
    }

    @Test
    void retriesServiceUnavailableTwiceThenReturnsSuccess() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(status(200, "ok"));

        ContractResponse response = client().send(ContractRequest.get(uri("/")));

        assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(retries).extracting(r -> r.status().orElse(0)).containsExactly(503, 503);
    }

    @Test
    void waitsAtLeastTheRetryAfterSeconds() throws Exception {
        server.enqueue(status(429, "slow down", "Retry-After", "2"));
        server.enqueue(status(200, "ok"));

        ContractResponse response = client().send(ContractRequest.get(uri("/")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(time().waits())
                .singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3)));
    }

    @Test
    void waitsUntilTheRetryAfterDate() throws Exception {
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                time().now().plusSeconds(30).atOffset(ZoneOffset.UTC));
        server.enqueue(status(503, "maintenance", "Retry-After", in30s));
        server.enqueue(status(200, "ok"));

        ContractResponse response = client().send(ContractRequest.get(uri("/")));

        assertThat(response.status()).isEqualTo(200);
        // the date has whole seconds; jitter adds up to 1 s
        assertThat(time().waits())
                .singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31)));
    }

    @Test
    void aRetryAfterBeyondTheCapReturnsTheResponseAtOnceWithItsBody() throws Exception {
        server.enqueue(status(429, "come back in an hour", "Retry-After", "3600"));
        server.enqueue(status(200, "ok"));

        ContractResponse response = client().send(ContractRequest.get(uri("/")));

        assertThat(response).isEqualTo(new ContractResponse(429, "come back in an hour"));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time().waits()).isEmpty();
        assertThat(giveUps).singleElement().satisfies(g -> {
            assertThat(g.reason()).isEqualTo(GiveUpReason.HINT_TOO_LONG);
            assertThat(g.serverWait()).contains(Duration.ofHours(1));
        });
    }

    @Test
    void aRetryAfterPastTheDeadlineReturnsTheResponseAtOnce() throws Exception {
        server.enqueue(status(503, "later", "Retry-After", "20"));
        server.enqueue(status(200, "ok"));

        ContractResponse response = client(
                        policy().timeout(Duration.ofSeconds(10)).maxRetryAfter(Duration.ofMinutes(1)))
                .send(ContractRequest.get(uri("/")));

        assertThat(response).isEqualTo(new ContractResponse(503, "later"));
        assertThat(time().waits()).isEmpty();
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.DEADLINE);
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        server.enqueue(status(404, "no such thing"));
        server.enqueue(status(400, "bad request"));
        server.enqueue(status(200, "ok"));
        ContractClient client = client();

        assertThat(client.send(ContractRequest.get(uri("/a")))).isEqualTo(new ContractResponse(404, "no such thing"));
        assertThat(client.send(ContractRequest.get(uri("/b")))).isEqualTo(new ContractResponse(400, "bad request"));

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(retries).isEmpty();
    }

    @Test
    void exhaustionReturnsTheLastResponseWithItsBodyReadable() throws Exception {
        server.enqueue(status(503, "busy 1"));
        server.enqueue(status(503, "busy 2"));
        server.enqueue(status(503, "busy 3"));
        server.enqueue(status(200, "too late"));

        ContractResponse response = client(policy().attempts(3)).send(ContractRequest.get(uri("/")));

        assertThat(response).isEqualTo(new ContractResponse(503, "busy 3"));
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.ATTEMPTS);
    }

    @Test
    void aPostIsNotRetriedOnServiceUnavailable() throws Exception {
        server.enqueue(status(503, "busy"));
        server.enqueue(status(201, "created twice"));

        ContractResponse response = client().send(ContractRequest.of("POST", uri("/orders"), "{\"n\":1}"));

        assertThat(response).isEqualTo(new ContractResponse(503, "busy"));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.NOT_IDEMPOTENT);
    }

    @Test
    void aDisconnectAtRequestStartIsRetriedForGet() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onRequestStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(status(200, "ok"));

        ContractResponse response = client().send(ContractRequest.get(uri("/")));

        assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
    }

    private MockResponse dropAfterRequest() {
        return new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build();
    }

    @Test
    void aDisconnectAfterThePostWasSentIsNotRetried() {
        server.enqueue(dropAfterRequest());
        server.enqueue(status(201, "created twice"));
        ContractClient client = client();

        assertThatThrownBy(() -> client.send(ContractRequest.of("POST", uri("/orders"), "{\"n\":1}")))
                .isInstanceOf(IOException.class);

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDisconnectAfterThePutWasSentIsRetried() throws Exception {
        server.enqueue(dropAfterRequest());
        server.enqueue(status(200, "stored"));

        ContractResponse response = client().send(ContractRequest.of("PUT", uri("/doc"), "v1"));

        assertThat(response).isEqualTo(new ContractResponse(200, "stored"));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aPostWithAnIdempotencyKeyIsRetriedAfterADisconnect() throws Exception {
        server.enqueue(dropAfterRequest());
        server.enqueue(status(201, "created once"));

        ContractResponse response = client().send(
                        ContractRequest.of("POST", uri("/orders"), "{\"n\":1}").header("Idempotency-Key", "order-1"));

        assertThat(response).isEqualTo(new ContractResponse(201, "created once"));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForPost() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/orders");
        ContractClient client = client(policy().attempts(3));

        assertThatThrownBy(() -> client.send(ContractRequest.of("POST", nowhere, "{}")))
                .isInstanceOf(IOException.class);

        assertThat(retries).hasSize(2);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.ATTEMPTS);
    }

    @Test
    void aOneShotBodyIsNeverSentTwice() throws Exception {
        server.enqueue(status(503, "busy"));
        server.enqueue(status(200, "stored"));

        ContractResponse response = client().send(
                        ContractRequest.of("PUT", uri("/blob"), "streamed").asOneShot());

        assertThat(response).isEqualTo(new ContractResponse(503, "busy"));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(giveUps)
                .singleElement()
                .extracting(GiveUpDetails::reason)
                .isEqualTo(GiveUpReason.BODY_NOT_REPLAYABLE);
    }

    @Test
    void aReplayableBodyArrivesWholeOnEveryAttempt() throws Exception {
        server.enqueue(status(503, "busy"));
        server.enqueue(status(503, "busy"));
        server.enqueue(status(200, "stored"));
        String payload = "payload-" + "x".repeat(5_000);

        client().send(ContractRequest.of("PUT", uri("/doc"), payload));

        for (int i = 0; i < 3; i++) {
            assertThat(server.takeRequest().getBody())
                    .as("attempt %d", i + 1)
                    .isNotNull()
                    .satisfies(body -> assertThat(body.utf8()).isEqualTo(payload));
        }
    }

    @Test
    void theDefaultBudgetBoundsAFullOutage() throws Exception {
        always(status(503, "down"));
        ContractClient client = client(HttpRetryPolicy.builder().listener(recorder));

        for (int i = 0; i < 200; i++) {
            assertThat(client.send(ContractRequest.get(uri("/" + i))).status()).isEqualTo(503);
        }

        // the default bucket holds 5 retries and only accepted answers refill it: at most 5 retries in all, at
        // any rate (fewer if an earlier test's server had this port: the budget is JVM-wide, per origin)
        int attempts = server.getRequestCount();
        assertThat(attempts).isBetween(200, 205);
        assertThat(giveUps).anyMatch(g -> g.reason() == GiveUpReason.BUDGET);
    }

    @Test
    void cancellingDuringAWaitSendsNoFurtherRequest() throws Exception {
        realTime();
        server.enqueue(status(503, "busy"));
        server.enqueue(status(200, "too late"));
        CountDownLatch waiting = new CountDownLatch(1);
        ContractClient client = client(policy().waitInitial(Duration.ofMinutes(1))
                .waitMax(Duration.ofMinutes(1))
                .timeout(Duration.ofMinutes(5))
                .listener(d -> waiting.countDown()));
        Pending pending = client.start(ContractRequest.get(uri("/")));
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        pending.cancel();

        assertThatThrownBy(pending::await).isInstanceOf(Exception.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anInterruptDuringAWaitStopsAtOnceAndKeepsTheFlag() throws Exception {
        realTime();
        server.enqueue(status(503, "busy"));
        server.enqueue(status(200, "too late"));
        CountDownLatch waiting = new CountDownLatch(1);
        ContractClient waitingClient = client(policy().waitInitial(Duration.ofMinutes(1))
                .waitMax(Duration.ofMinutes(1))
                .timeout(Duration.ofMinutes(5))
                .listener(d -> waiting.countDown()));
        Class<? extends Throwable> expected = waitingClient.interruptedType();
        assumeTrue(expected != null, "an asynchronous variant has no waiting thread to interrupt");
        AtomicReference<@Nullable Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread sender = new Thread(() -> {
            try {
                waitingClient.send(ContractRequest.get(uri("/")));
            } catch (Exception e) {
                thrown.set(e);
            }
            flagKept.set(Thread.currentThread().isInterrupted());
        });
        sender.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        sender.interrupt();
        sender.join(10_000);

        assertThat(sender.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(expected);
        assertThat(flagKept).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theDeadlineIsNeverOverrun() throws Exception {
        always(status(503, "down", "Retry-After", "1"));

        ContractResponse response =
                client(policy().attempts(1_000).timeout(Duration.ofSeconds(5))).send(ContractRequest.get(uri("/")));

        assertThat(response.status()).isEqualTo(503);
        assertThat(time().elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.DEADLINE);
    }

    @Test
    void listenersSeeTheMethodARedactedUriAndTheStatus() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(200, "ok"));

        client().send(ContractRequest.get(uri("/items?token=" + SECRET + "&page=2")));

        URI base = uri("/items");
        String expected = "GET http://" + base.getHost() + ":" + base.getPort() + "/items";
        assertThat(retries).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo(expected);
            assertThat(r.status()).hasValue(503);
            assertThat(r.errorType()).isEqualTo("http_503");
        });
    }

    @Test
    void logLinesCarryNoHeaderValuesOrQueryStrings() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(200, "ok"));
        List<String> lines = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger("dev.tenax");
        Level previousLevel = log.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()) + " " + record.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        log.setLevel(Level.ALL);
        log.addHandler(capture);
        Tenax.setListeners(null);
        try {
            client().send(ContractRequest.get(uri("/me?token=" + SECRET))
                    .header("Authorization", "Bearer " + SECRET)
                    .header("Cookie", "session=" + SECRET)
                    .header("Proxy-Authorization", "Basic " + SECRET));
        } finally {
            log.removeHandler(capture);
            log.setLevel(previousLevel);
        }

        assertThat(lines).isNotEmpty().noneMatch(line -> line.contains(SECRET));
        assertThat(lines).anyMatch(line -> line.contains("tenax.retry_scheduled"));
    }

    @Test
    void noConnectionLeaksAfterTwoHundredRetriedResponses() throws Exception {
        String tenKib = "x".repeat(10 * 1024);
        AtomicInteger count = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return count.getAndIncrement() % 2 == 0 ? status(503, tenKib) : status(200, "ok");
            }
        });
        ContractClient client = client();

        for (int i = 0; i < 200; i++) {
            assertThat(client.send(ContractRequest.get(uri("/" + i))).status()).isEqualTo(200);
        }

        assertThat(retries).hasSize(200);
        int leased = client.leasedConnections();
        if (leased >= 0) {
            assertThat(leased).isZero();
        }
    }

    @Test
    void testingModeGivesExactlyTheGivenAttempts() throws Exception {
        always(status(503, "down"));
        ContractClient client = client(policy().attempts(2));

        ContractResponse response;
        try (Tenax.Handle testing = Tenax.setTesting(true, 4, false)) {
            response = client.send(ContractRequest.get(uri("/")));
        }

        assertThat(response.status()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    // ---- issue 13: time bounds every adapter keeps (real time: the server's delays are real) ----

    /** The scenario's policy without waits between attempts: a real-time scenario then takes only its delays. */
    private HttpRetryPolicy.Builder noWaits() {
        return policy().waitInitial(Duration.ZERO).waitJitter(Duration.ZERO);
    }

    /** A response whose headers the server holds for 10 s: longer than every bound these scenarios set. */
    private static MockResponse stalledHeaders() {
        return new MockResponse.Builder()
                .code(200)
                .body("too late")
                .headersDelay(10, TimeUnit.SECONDS)
                .build();
    }

    /** Whether {@code thrown} or one of its causes is a timeout of some client (their types differ). */
    private static boolean isTimeout(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (name.contains("timeout") || message.contains("timeout") || message.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aTricklingRetriedBodyDoesNotHoldUpTheRetry() throws Exception {
        realTime();
        // 8 KiB at 1 KiB per 2 s: draining it whole would take 16 s, more than three times the timeout
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .body("x".repeat(8 * 1024))
                .throttleBody(1024, 2, TimeUnit.SECONDS)
                .build());
        server.enqueue(status(200, "ok"));
        ContractClient client = client(noWaits().attempts(2).timeout(Duration.ofSeconds(5)));
        long start = System.nanoTime();

        ContractResponse response = client.send(ContractRequest.get(uri("/")));

        assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
        assertThat(server.getRequestCount()).isEqualTo(2);
        // within the policy's timeout: the retried body was abandoned, not read (reading it takes 16 s)
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRetriedBodyThatComesLateIsAbandonedAndTheRetryMadeWithinTheDeadline() throws Exception {
        realTime();
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .body("late".repeat(25))
                .bodyDelay(6, TimeUnit.SECONDS)
                .build());
        server.enqueue(status(200, "ok"));
        ContractClient client = client(noWaits().timeout(Duration.ofSeconds(3)));
        long start = System.nanoTime();

        ContractResponse response = client.send(ContractRequest.get(uri("/")));

        // the caller gets a real outcome (no invented timeout), and no attempt started after the deadline
        assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void theTimeoutBoundsAnAttemptInFlight() {
        realTime();
        server.enqueue(status(503, "busy"));
        server.enqueue(stalledHeaders());
        ContractClient client = client(noWaits().timeout(Duration.ofSeconds(1)));
        long start = System.nanoTime();

        Throwable thrown = catchThrowable(() -> client.send(ContractRequest.get(uri("/"))));

        // the second attempt got what was left of the 1 s, through the client's own timeout
        assertThat(thrown).isNotNull().matches(ClientContract::isTimeout, "is a client's timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anAttemptTimeoutEndsAStalledAttemptAndAGetIsRetried() throws Exception {
        realTime();
        server.enqueue(stalledHeaders());
        server.enqueue(status(200, "ok"));
        ContractClient client =
                client(noWaits().attempts(2).timeout(Duration.ofSeconds(30)).attemptTimeout(Duration.ofSeconds(1)));
        long start = System.nanoTime();

        ContractResponse response = client.send(ContractRequest.get(uri("/")));

        assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aPostIsNotRetriedAfterItsAttemptTimedOut() {
        realTime();
        server.enqueue(stalledHeaders());
        server.enqueue(status(200, "second POST"));
        ContractClient client =
                client(noWaits().attempts(2).timeout(Duration.ofSeconds(30)).attemptTimeout(Duration.ofSeconds(1)));

        Throwable thrown = catchThrowable(() -> client.send(ContractRequest.of("POST", uri("/"), "order")));

        // the server may have processed it: expiry counts as "may have been sent"
        assertThat(thrown).isNotNull().matches(ClientContract::isTimeout, "is a client's timeout");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(giveUps).singleElement().extracting(GiveUpDetails::reason).isEqualTo(GiveUpReason.NOT_IDEMPOTENT);
    }
}
