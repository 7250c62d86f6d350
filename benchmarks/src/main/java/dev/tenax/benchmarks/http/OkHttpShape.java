package dev.tenax.benchmarks.http;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The one OkHttp client shape every OkHttp row starts from, so rows differ only by the retry layer.
 *
 * <p>The Dispatcher allows {@code tenax.bench.okhttp.maxRequests} calls in flight (default 64, OkHttp's own
 * global default) and the same number per host (OkHttp's per-host default is 5; every call here goes to one
 * host); the connection pool keeps as many idle connections, so a burst does not churn sockets.
 */
final class OkHttpShape {
    private OkHttpShape() {}

    static int maxRequests() {
        return Integer.getInteger("tenax.bench.okhttp.maxRequests", 64);
    }

    /** A new builder of the shared shape; each client gets its own Dispatcher and pool. */
    static OkHttpClient.Builder builder() {
        int max = maxRequests();
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(max);
        dispatcher.setMaxRequestsPerHost(max);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(max, 5, TimeUnit.MINUTES));
    }

    /** Stops the client's Dispatcher threads and closes its pooled connections. */
    static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
