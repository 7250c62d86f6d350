package dev.tenax.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tenax.GiveUpDetails;
import dev.tenax.RetryBudget;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** What RetryingHttpClient adds beyond the shared contract: delegation, body handlers, timeouts, lifecycle. */
@ResourceLock("dev.tenax.Tenax")
class RetryingHttpClientTest {
    private final MockWebServer server = new MockWebServer();
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
    private @Nullable VirtualTime time;

    @BeforeEach
    void start() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
        time = VirtualTime.install();
    }

    @AfterEach
    void stop() {
        VirtualTime t = time;
        if (t != null) {
            t.close();
        }
        server.close();
    }

    private VirtualTime time() {
        VirtualTime t = time;
        if (t == null) {
            throw new IllegalStateException("no virtual time");
        }
        return t;
    }

    private HttpRetryPolicy.Builder policy() {
        return HttpRetryPolicy.builder().budget(RetryBudget.unlimited()).listener(recorder);
    }

    private URI uri(String path) {
        return server.url(path).uri();
    }

    private static MockResponse status(int code, String body, String... headers) {
        MockResponse.Builder builder = new MockResponse.Builder().code(code).body(body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.addHeader(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    /** A caller's handler that counts the responses it is given. */
    private static final class CountingHandler implements BodyHandler<String> {
        final List<Integer> statuses = new CopyOnWriteArrayList<>();

        @Override
        public HttpResponse.BodySubscriber<String> apply(HttpResponse.ResponseInfo info) {
            statuses.add(info.statusCode());
            return BodyHandlers.ofString().apply(info);
        }
    }

    @Test
    void everyClientMethodIsTheWrappedClients() {
        CookieManager cookies = new CookieManager();
        ProxySelector proxy = ProxySelector.of(InetSocketAddress.createUnresolved("proxy.invalid", 3128));
        Authenticator authenticator = new Authenticator() {};
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            HttpClient real = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .connectTimeout(Duration.ofSeconds(3))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .proxy(proxy)
                    .authenticator(authenticator)
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(executor)
                    .build();
            RecordingHttpClient recording = new RecordingHttpClient(real);
            HttpClient client = RetryingHttpClient.wrap(recording);

            assertThat(client.cookieHandler()).containsSame(cookies);
            assertThat(client.connectTimeout()).contains(Duration.ofSeconds(3));
            assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NORMAL);
            assertThat(client.proxy()).containsSame(proxy);
            assertThat(client.sslContext()).isSameAs(real.sslContext());
            assertThat(client.sslParameters().getProtocols())
                    .containsExactly(real.sslParameters().getProtocols());
            assertThat(client.authenticator()).containsSame(authenticator);
            assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(client.executor()).containsSame(executor);
            assertThat(client.newWebSocketBuilder()).isNotNull();

            assertThat(recording.calls)
                    .containsExactly(
                            "cookieHandler",
                            "connectTimeout",
                            "followRedirects",
                            "proxy",
                            "sslContext",
                            "sslParameters",
                            "authenticator",
                            "version",
                            "executor",
                            "newWebSocketBuilder");
            assertThat(client.toString()).startsWith("RetryingHttpClient[");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    @SuppressWarnings("NullAway") // passing null is the point
    void wrapRejectsNullsNamingTheArgument() {
        HttpClient real = HttpClient.newHttpClient();

        assertThatThrownBy(() -> RetryingHttpClient.wrap(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("client");
        assertThatThrownBy(() -> RetryingHttpClient.wrap(null, HttpRetryPolicy.defaults()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("client");
        assertThatThrownBy(() -> RetryingHttpClient.wrap(real, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("policy");
        assertThatThrownBy(() -> RetryingHttpClient.wrap(real).withPolicy(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("policy");
        assertThatThrownBy(() -> RetryingHttpClient.oneShot(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("body");
    }

    @Test
    void wrappingAWrappedClientReplacesItsPolicyInsteadOfRetryingTwice() throws Exception {
        server.enqueue(status(503, "busy"));
        server.enqueue(status(503, "busy again"));
        server.enqueue(status(200, "ok"));
        HttpClient real = HttpClient.newHttpClient();
        HttpRetryPolicy twoAttempts = policy().attempts(2).build();

        RetryingHttpClient twice = RetryingHttpClient.wrap(RetryingHttpClient.wrap(real), twoAttempts);
        HttpResponse<String> response =
                twice.send(HttpRequest.newBuilder(uri("/")).build(), BodyHandlers.ofString());

        assertThat(twice.unwrap()).isSameAs(real);
        assertThat(twice.policy()).isSameAs(twoAttempts);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theCallersHandlerSeesOnlyTheFinalResponse() throws Exception {
        server.enqueue(status(503, "busy 1"));
        server.enqueue(status(503, "busy 2"));
        server.enqueue(status(200, "ok"));
        CountingHandler handler = new CountingHandler();

        HttpResponse<String> response = RetryingHttpClient.wrap(HttpClient.newHttpClient(), policy().build())
                .send(HttpRequest.newBuilder(uri("/")).build(), handler);

        assertThat(response.body()).isEqualTo("ok");
        assertThat(handler.statuses).containsExactly(200);
        assertThat(retries).hasSize(2);
    }

    @Test
    void exhaustionReturnsTheLastResponseThroughTheCallersHandler() throws Exception {
        server.enqueue(status(503, "busy 1"));
        server.enqueue(status(503, "busy 2"));
        CountingHandler handler = new CountingHandler();

        HttpResponse<String> response = RetryingHttpClient.wrap(
                        HttpClient.newHttpClient(), policy().attempts(2).build())
                .sendAsync(HttpRequest.newBuilder(uri("/")).build(), handler)
                .get(10, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("busy 2");
        assertThat(handler.statuses).containsExactly(503);
    }

    @Test
    void thePushPromiseOverloadRetriesToo() throws Exception {
        server.enqueue(status(503, "busy"));
        server.enqueue(status(200, "ok"));
        HttpResponse.PushPromiseHandler<String> noPushes = (initiating, pushed, acceptor) -> {};

        HttpResponse<String> response = RetryingHttpClient.wrap(HttpClient.newHttpClient(), policy().build())
                .sendAsync(HttpRequest.newBuilder(uri("/")).build(), BodyHandlers.ofString(), noPushes)
                .get(10, TimeUnit.SECONDS);

        assertThat(response.body()).isEqualTo("ok");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void eachAttemptsTimeoutIsCutToWhatIsLeftOfTheDeadline() throws Exception {
        server.enqueue(status(503, "busy", "Retry-After", "3"));
        server.enqueue(status(503, "busy", "Retry-After", "3"));
        server.enqueue(status(200, "ok"));
        List<Duration> startedAt = new CopyOnWriteArrayList<>();
        RecordingHttpClient recording =
                new RecordingHttpClient(HttpClient.newHttpClient()).onSend(() -> startedAt.add(time().elapsed()));
        Duration deadline = Duration.ofSeconds(10);
        HttpRequest request = HttpRequest.newBuilder(uri("/"))
                .timeout(Duration.ofSeconds(30))
                .header("X-Trace", "t-1")
                .build();

        HttpResponse<String> response = RetryingHttpClient.wrap(
                        recording, policy().timeout(deadline).build())
                .send(request, BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("ok");
        assertThat(recording.requests).hasSize(3);
        for (int i = 0; i < 3; i++) {
            HttpRequest sent = recording.requests.get(i);
            assertThat(sent.timeout())
                    .hasValueSatisfying(timeout ->
                            assertThat(timeout).isPositive().isLessThanOrEqualTo(deadline.minus(startedAt.get(0))));
            assertThat(sent.headers().firstValue("X-Trace")).contains("t-1");
            assertThat(sent.uri()).isEqualTo(request.uri());
        }
        // each wait took at least 3 s of the 10: later attempts get less time
        assertThat(recording.requests.get(2).timeout().orElseThrow()).isLessThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aShorterRequestTimeoutIsKeptAndNoDeadlineLeavesTheRequestAlone() throws Exception {
        server.enqueue(status(200, "ok"));
        server.enqueue(status(200, "ok"));
        RecordingHttpClient recording = new RecordingHttpClient(HttpClient.newHttpClient());
        HttpRequest short1s =
                HttpRequest.newBuilder(uri("/")).timeout(Duration.ofSeconds(1)).build();
        HttpRequest untimed = HttpRequest.newBuilder(uri("/")).build();

        RetryingHttpClient.wrap(
                        recording, policy().timeout(Duration.ofSeconds(10)).build())
                .send(short1s, BodyHandlers.ofString());
        RetryingHttpClient.wrap(recording, policy().noTimeout().build()).send(untimed, BodyHandlers.ofString());

        assertThat(recording.requests).containsExactly(short1s, untimed);
    }

    @Test
    void releasingAResponseNobodyWillReadClosesItsStream() throws Exception {
        server.enqueue(status(200, "x".repeat(100_000)));
        HttpResponse<java.io.InputStream> response =
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/")).build(), BodyHandlers.ofInputStream());

        JdkResponses.<java.io.InputStream>get().release(response);

        assertThatThrownBy(() -> response.body().read()).isInstanceOf(IOException.class);
        assertThat(JdkResponses.<java.io.InputStream>get().header(response, "Content-Length"))
                .isEqualTo("100000");
    }

    @Test
    void withPolicyGivesARequestAPolicyOfItsOwn() throws Exception {
        server.enqueue(status(503, "busy"));
        server.enqueue(status(503, "busy"));
        server.enqueue(status(200, "ok"));
        RetryingHttpClient client = RetryingHttpClient.wrap(HttpClient.newHttpClient(), policy().build());
        HttpRequest request = HttpRequest.newBuilder(uri("/")).build();

        HttpResponse<String> once =
                client.withPolicy(policy().attempts(1).build()).send(request, BodyHandlers.ofString());
        HttpResponse<String> retried = client.send(request, BodyHandlers.ofString());

        assertThat(once.statusCode()).isEqualTo(503);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aOneShotBodyRefusesASecondSubscription() {
        BodyPublisher body = RetryingHttpClient.oneShot(BodyPublishers.ofString("once"));
        CollectingSubscriber first = new CollectingSubscriber();
        CollectingSubscriber second = new CollectingSubscriber();

        body.subscribe(first);
        body.subscribe(second);

        assertThat(RetryingHttpClient.oneShot(body)).isSameAs(body);
        assertThat(body.contentLength()).isEqualTo(4);
        assertThat(body.toString()).contains("OneShot");
        assertThat(first.bytes).hasValue(4);
        assertThat(first.failure).isNull();
        assertThat(second.bytes).hasValue(0);
        assertThat(second.failure).isInstanceOf(IOException.class);
    }

    @Test
    void aOneShotPostIsStillRetriedWhenNothingWasSent() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/"))
                .POST(RetryingHttpClient.oneShot(BodyPublishers.ofString("{}")))
                .build();
        RetryingHttpClient client = RetryingHttpClient.wrap(
                HttpClient.newHttpClient(), policy().attempts(3).build());

        assertThatThrownBy(() -> client.send(post, BodyHandlers.ofString())).isInstanceOf(IOException.class);

        assertThat(retries).hasSize(2);
    }

    @Test
    void cancellingASendAsyncInFlightSendsNoFurtherRequest() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        server.enqueue(status(200, "too late"));
        CompletableFuture<HttpResponse<String>> call = RetryingHttpClient.wrap(
                        HttpClient.newHttpClient(), policy().build())
                .sendAsync(HttpRequest.newBuilder(uri("/")).build(), BodyHandlers.ofString());
        server.takeRequest(10, TimeUnit.SECONDS);

        call.cancel(true);

        assertThat(call).isCancelled();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(retries).isEmpty();
    }

    @Test
    @SuppressWarnings("NullAway") // passing null is part of the point
    void onJdk17TheShutdownFamilyBehavesAsJdk21sDefaults() throws Exception {
        assumeTrue(Runtime.version().feature() < 21, "JDK 21+ has the methods themselves");
        RetryingHttpClient client = RetryingHttpClient.wrap(HttpClient.newHttpClient());

        client.shutdown();
        client.shutdownNow();
        client.close();

        assertThat(client.isTerminated()).isFalse();
        assertThat(client.awaitTermination(Duration.ofMillis(1))).isFalse();
        assertThatThrownBy(() -> client.awaitTermination(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void onJdk21TheShutdownFamilyReachesTheWrappedClient() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "HttpClient has no shutdown before JDK 21");
        RecordingHttpClient recording = new RecordingHttpClient(HttpClient.newHttpClient());
        RetryingHttpClient client = RetryingHttpClient.wrap(recording);

        client.shutdown();
        client.shutdownNow();
        boolean terminated = client.awaitTermination(Duration.ofSeconds(1));
        boolean isTerminated = client.isTerminated();
        client.close();

        assertThat(terminated).isTrue();
        assertThat(isTerminated).isFalse();
        assertThat(recording.calls)
                .containsExactly("shutdown", "shutdownNow", "awaitTermination PT1S", "isTerminated", "close");
    }

    @Test
    void onJdk21NoRetryStartsAfterAShutdown() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "HttpClient has no shutdown before JDK 21");
        server.enqueue(status(200, "ok"));
        RetryingHttpClient client = RetryingHttpClient.wrap(HttpClient.newHttpClient(), policy().build());
        HttpRequest request = HttpRequest.newBuilder(uri("/")).build();
        assertThat(client.send(request, BodyHandlers.ofString()).body()).isEqualTo("ok");

        client.close();

        assertThat(client.isTerminated()).isTrue();
        assertThatThrownBy(() -> client.send(request, BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(retries).isEmpty();
    }

    /** Collects what a body publisher publishes. */
    private static final class CollectingSubscriber implements Flow.Subscriber<ByteBuffer> {
        final AtomicInteger bytes = new AtomicInteger();
        volatile @Nullable Throwable failure;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer item) {
            bytes.addAndGet(item.remaining());
        }

        @Override
        public void onError(Throwable throwable) {
            failure = throwable;
        }

        @Override
        public void onComplete() {}
    }
}
