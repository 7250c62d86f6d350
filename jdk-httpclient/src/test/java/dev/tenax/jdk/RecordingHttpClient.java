package dev.tenax.jdk;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;

/**
 * A client that forwards to a real one and records what it was asked: the method names and every request sent,
 * so tests can see each attempt's request as the wrapped client received it.
 */
final class RecordingHttpClient extends HttpClient {
    final HttpClient real;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<HttpRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Runnable> onSend = new CopyOnWriteArrayList<>();
    /** What the shutdown family throws, when set. */
    volatile @Nullable Throwable lifecycleFailure;

    RecordingHttpClient(HttpClient real) {
        this.real = real;
    }

    /** Runs {@code action} as each request is sent (before the real client sends it). */
    RecordingHttpClient onSend(Runnable action) {
        onSend.add(action);
        return this;
    }

    private void sent(HttpRequest request) {
        requests.add(request);
        onSend.forEach(Runnable::run);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
            throws IOException, InterruptedException {
        calls.add("send");
        sent(request);
        return real.send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
        calls.add("sendAsync");
        sent(request);
        return real.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request, BodyHandler<T> handler, @Nullable PushPromiseHandler<T> pushes) {
        calls.add("sendAsync+push");
        sent(request);
        return real.sendAsync(request, handler, pushes);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        calls.add("cookieHandler");
        return real.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        calls.add("connectTimeout");
        return real.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        calls.add("followRedirects");
        return real.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        calls.add("proxy");
        return real.proxy();
    }

    @Override
    public SSLContext sslContext() {
        calls.add("sslContext");
        return real.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        calls.add("sslParameters");
        return real.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        calls.add("authenticator");
        return real.authenticator();
    }

    @Override
    public Version version() {
        calls.add("version");
        return real.version();
    }

    @Override
    public Optional<Executor> executor() {
        calls.add("executor");
        return real.executor();
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        calls.add("newWebSocketBuilder");
        return real.newWebSocketBuilder();
    }

    // JDK 21+ only: they override HttpClient's at run time (no @Override when compiling for 17)

    public void shutdown() {
        lifecycle("shutdown");
    }

    public void shutdownNow() {
        lifecycle("shutdownNow");
    }

    public boolean awaitTermination(Duration duration) throws InterruptedException {
        lifecycle("awaitTermination " + duration);
        return true;
    }

    public boolean isTerminated() {
        lifecycle("isTerminated");
        return false;
    }

    public void close() {
        lifecycle("close");
    }

    private void lifecycle(String call) {
        calls.add(call);
        Throwable failure = lifecycleFailure;
        if (failure != null) {
            throw RecordingHttpClient.<RuntimeException>sneaky(failure);
        }
    }

    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // rethrows any failure as it is
    private static <E extends Throwable> E sneaky(Throwable failure) throws E {
        throw (E) failure;
    }
}
