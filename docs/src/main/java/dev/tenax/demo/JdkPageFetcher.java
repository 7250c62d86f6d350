package dev.tenax.demo;

import dev.tenax.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The plain JDK {@link HttpClient} inside a core {@link RetryPolicy}: each attempt is one {@code send}, and a
 * status worth retrying becomes a {@link RetryableStatusException} for the policy to judge.
 */
final class JdkPageFetcher implements PageFetcher {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;
    private final RetryPolicy policy;

    JdkPageFetcher(RetryPolicy policy) {
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.policy = policy;
    }

    @Override
    public String label() {
        return "core + JDK HttpClient";
    }

    @Override
    public byte[] fetch(URI page) throws IOException {
        HttpRequest request =
                HttpRequest.newBuilder(page).timeout(REQUEST_TIMEOUT).GET().build();
        return policy.call(() -> send(request));
    }

    @Override
    public void close() {
        // an HttpClient has no close() before JDK 21; its threads are daemons and end with the JVM
    }

    /** One attempt. {@code send} also throws InterruptedException; the policy's call has room for one type. */
    private byte[] send(HttpRequest request) throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted during " + request.uri());
            interrupted.initCause(e);
            throw interrupted;
        }
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        if (RetryableStatusException.isRetryable(status)) {
            throw new RetryableStatusException(
                    status,
                    RetryableStatusException.parseRetryAfter(
                            response.headers().firstValue("Retry-After").orElse(null)));
        }
        throw new UnexpectedStatusException(status);
    }
}
