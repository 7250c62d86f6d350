package dev.tenax.benchmarks.http;

import dev.tenax.jdk.RetryingHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's {@link HttpClient}, bare or wrapped with {@link RetryingHttpClient#wrap}. {@code send} is
 * {@code send(request, ofByteArray())}, {@code sendAsync} is {@code sendAsync(request, ofByteArray())}.
 *
 * <p>Every client is built the same way: HTTP/1.1 (the loopback server speaks nothing else; the default,
 * HTTP/2, would add an {@code h2c} upgrade attempt to each new connection) and a fixed executor of
 * {@code tenax.bench.jdk.threads} daemon threads (default 8) in place of the JDK's unbounded cached pool, so the
 * thread counts P4 measures are bounded. The JDK's HTTP/1.1 client has no limit on connections per host.
 */
public final class JdkClient implements LoadClient {
    private final HttpClient client;
    private final ExecutorService executor;

    private JdkClient(HttpClient client, ExecutorService executor) {
        this.client = client;
        this.executor = executor;
    }

    static int threads() {
        return Integer.getInteger("tenax.bench.jdk.threads", 8);
    }

    private static ExecutorService executor() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "jdk-httpclient-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(threads(), factory);
    }

    private static HttpClient build(ExecutorService executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build();
    }

    /** {@code HttpClient} alone (its own retry: one re-send after a {@code ConnectException}). */
    public static LoadClient bare(RetrySetup setup) {
        ExecutorService executor = executor();
        return new JdkClient(build(executor), executor);
    }

    /** {@code RetryingHttpClient.wrap(client, setup.tenax())}. */
    public static LoadClient tenax(RetrySetup setup) {
        ExecutorService executor = executor();
        return new JdkClient(RetryingHttpClient.wrap(build(executor), setup.tenax()), executor);
    }

    private static HttpRequest request(URI uri, @Nullable String callId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET();
        if (callId != null) {
            builder.header(LoadServer.CALL_ID, callId);
        }
        return builder.build();
    }

    @Override
    public int send(URI uri, @Nullable String callId) throws IOException, InterruptedException {
        return client.send(request(uri, callId), BodyHandlers.ofByteArray()).statusCode();
    }

    @Override
    public boolean supportsAsync() {
        return true;
    }

    @Override
    public CompletableFuture<Integer> sendAsync(URI uri, @Nullable String callId) {
        return client.sendAsync(request(uri, callId), BodyHandlers.ofByteArray())
                .thenApply(HttpResponse::statusCode);
    }

    /** Stops the executor; on JDK 17 the client itself has nothing to close (its selector thread ends when it is collected). */
    @Override
    public void close() {
        executor.shutdown();
    }
}
