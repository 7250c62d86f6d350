package dev.tenax.demo;

import dev.tenax.okhttp.RetryingCallFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * OkHttp through {@link RetryingCallFactory}: each page is one {@code enqueue()}, whose waits hold no thread.
 * (The poller itself waits for the page, since it saves pages in order.)
 */
final class OkHttpCallFactoryFetcher implements PageFetcher {
    private final OkHttpClient client;
    private final RetryingCallFactory calls;

    OkHttpCallFactoryFetcher(RunStats listener) {
        this.client = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .build();
        this.calls = RetryingCallFactory.create(client, DemoPolicies.http("okhttp-call-factory", listener));
    }

    @Override
    public String label() {
        return "OkHttp call factory";
    }

    @Override
    public byte[] fetch(URI page) throws IOException {
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        calls.newCall(new Request.Builder().url(page.toString()).build()).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                body.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    body.complete(
                            Responses.bodyOf(response.code(), response.body().bytes()));
                } catch (IOException e) {
                    body.completeExceptionally(e);
                }
            }
        });
        return Futures.await(body, page);
    }

    @Override
    public void close() {
        calls.client().dispatcher().executorService().shutdown();
        calls.client().connectionPool().evictAll();
        client.dispatcher().executorService().shutdown();
    }
}
