package dev.tenax.benchmarks.http;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;

/**
 * The one Apache HttpClient 5 shape every Apache row starts from, so rows differ only by the retry layer.
 *
 * <p>The connection pool allows {@code tenax.bench.apache.maxConnections} connections in total and per route
 * (default: OkHttp's {@code tenax.bench.okhttp.maxRequests}, 64; HttpClient's own defaults are 25 in total and 5
 * per route, fewer than the harnesses' callers, and every call here goes to one route). More callers than that
 * wait for a pooled connection, as OkHttp's calls wait in its Dispatcher.
 */
final class ApacheShape {
    private ApacheShape() {}

    static int maxConnections() {
        return Integer.getInteger("tenax.bench.apache.maxConnections", OkHttpShape.maxRequests());
    }

    /** A new classic builder with its own pool. */
    static HttpClientBuilder classic() {
        int max = maxConnections();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(max)
                        .setMaxConnPerRoute(max)
                        .build());
    }

    /** A new async builder with its own pool (HTTP/1.1 on the loopback {@code http} server). */
    static HttpAsyncClientBuilder async() {
        int max = maxConnections();
        return HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(max)
                        .setMaxConnPerRoute(max)
                        .build());
    }
}
