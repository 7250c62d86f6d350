package dev.tenax.demo;

import dev.tenax.okhttp.RetryInterceptor;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** OkHttp with {@link RetryInterceptor#install}: each page is one {@code execute()}, retried inside it. */
final class OkHttpInterceptorFetcher implements PageFetcher {
    private final OkHttpClient client;

    OkHttpInterceptorFetcher(RunStats listener) {
        OkHttpClient.Builder builder =
                new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5));
        this.client = RetryInterceptor.install(builder, DemoPolicies.http("okhttp-interceptor", listener))
                .build();
    }

    @Override
    public String label() {
        return "OkHttp interceptor";
    }

    @Override
    public byte[] fetch(URI page) throws IOException {
        Request request = new Request.Builder().url(page.toString()).build();
        try (Response response = client.newCall(request).execute()) {
            return Responses.bodyOf(response.code(), response.body().bytes());
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
