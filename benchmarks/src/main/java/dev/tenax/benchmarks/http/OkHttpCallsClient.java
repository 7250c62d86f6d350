package dev.tenax.benchmarks.http;

import dev.tenax.okhttp.RetryInterceptor;
import dev.tenax.okhttp.RetryingCallFactory;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * OkHttp through a {@link Call.Factory}: the bare client, the client with {@link RetryInterceptor} installed, or
 * {@link RetryingCallFactory}. {@code send} is {@code execute()}, {@code sendAsync} is {@code enqueue()}.
 */
public final class OkHttpCallsClient implements LoadClient {
    private final Call.Factory calls;
    private final OkHttpClient owner;

    private OkHttpCallsClient(Call.Factory calls, OkHttpClient owner) {
        this.calls = calls;
        this.owner = owner;
    }

    /** OkHttp alone, at its defaults ({@code retryOnConnectionFailure(true)}: its built-in retry is on). */
    public static LoadClient bare(RetrySetup setup) {
        OkHttpClient client = OkHttpShape.builder().build();
        return new OkHttpCallsClient(client, client);
    }

    /** {@code RetryInterceptor.install(builder, setup.tenax())}. */
    public static LoadClient tenaxInterceptor(RetrySetup setup) {
        OkHttpClient client =
                RetryInterceptor.install(OkHttpShape.builder(), setup.tenax()).build();
        return new OkHttpCallsClient(client, client);
    }

    /** {@code RetryingCallFactory.create(client, setup.tenax())}. */
    public static LoadClient tenaxCallFactory(RetrySetup setup) {
        RetryingCallFactory factory =
                RetryingCallFactory.create(OkHttpShape.builder().build(), setup.tenax());
        return new OkHttpCallsClient(factory, factory.client());
    }

    static Request request(URI uri, @Nullable String callId) {
        Request.Builder builder = new Request.Builder().url(uri.toString());
        if (callId != null) {
            builder.header(LoadServer.CALL_ID, callId);
        }
        return builder.build();
    }

    /** Reads the body whole, closes the response, returns the status. */
    static int consume(Response response) throws IOException {
        try (response) {
            response.body().bytes();
            return response.code();
        }
    }

    @Override
    public int send(URI uri, @Nullable String callId) throws IOException {
        return consume(calls.newCall(request(uri, callId)).execute());
    }

    @Override
    public boolean supportsAsync() {
        return true;
    }

    @Override
    public CompletableFuture<Integer> sendAsync(URI uri, @Nullable String callId) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        calls.newCall(request(uri, callId)).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                result.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try {
                    result.complete(consume(response));
                } catch (IOException | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        return result;
    }

    @Override
    public void close() {
        OkHttpShape.shutdown(owner);
    }
}
