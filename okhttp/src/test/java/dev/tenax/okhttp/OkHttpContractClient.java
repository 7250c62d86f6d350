package dev.tenax.okhttp;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ContractRequest;
import dev.tenax.testkit.ContractResponse;
import dev.tenax.testkit.NoDelaySockets;
import dev.tenax.testkit.Pending;
import dev.tenax.testkit.ThreadPending;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/** The contract's client over OkHttp: the interceptor or the call factory, executed or enqueued. */
final class OkHttpContractClient implements ContractClient {
    enum Mode {
        EXECUTE,
        ENQUEUE
    }

    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

    private final OkHttpClient client;
    private final Call.Factory calls;
    private final Mode mode;

    private OkHttpContractClient(OkHttpClient client, Call.Factory calls, Mode mode) {
        this.client = client;
        this.calls = calls;
        this.mode = mode;
    }

    /** HTTP/1.1 (and HTTP/2 where negotiated), OkHttp's default. */
    static final List<Protocol> DEFAULT_PROTOCOLS = List.of(Protocol.HTTP_2, Protocol.HTTP_1_1);

    /** HTTP/2 with prior knowledge on {@code http://}, for the contract's h2 scenarios. */
    static final List<Protocol> HTTP2 = List.of(Protocol.H2_PRIOR_KNOWLEDGE);

    static OkHttpContractClient interceptor(HttpRetryPolicy policy, Mode mode) {
        return interceptor(policy, mode, DEFAULT_PROTOCOLS);
    }

    static OkHttpContractClient interceptor(HttpRetryPolicy policy, Mode mode, List<Protocol> protocols) {
        OkHttpClient client = RetryInterceptor.install(
                        new OkHttpClient.Builder()
                                .socketFactory(NoDelaySockets.INSTANCE)
                                .protocols(protocols),
                        policy)
                .build();
        return new OkHttpContractClient(client, client, mode);
    }

    static OkHttpContractClient callFactory(HttpRetryPolicy policy, Mode mode) {
        return callFactory(policy, mode, DEFAULT_PROTOCOLS);
    }

    static OkHttpContractClient callFactory(HttpRetryPolicy policy, Mode mode, List<Protocol> protocols) {
        RetryingCallFactory factory = RetryingCallFactory.create(
                new OkHttpClient.Builder()
                        .socketFactory(NoDelaySockets.INSTANCE)
                        .protocols(protocols)
                        .build(),
                policy);
        return new OkHttpContractClient(factory.client(), factory, mode);
    }

    static Request toOkHttp(ContractRequest request) {
        Request.Builder builder = new Request.Builder().url(request.uri().toString());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.addHeader(header.getKey(), header.getValue()); // adds: two case-variants stay two
        }
        String body = request.body();
        RequestBody requestBody =
                body == null ? null : request.oneShot() ? oneShot(body) : RequestBody.create(body, TEXT);
        return builder.method(request.method(), requestBody).build();
    }

    private static RequestBody oneShot(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new RequestBody() {
            @Override
            public @Nullable MediaType contentType() {
                return TEXT;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(bytes);
            }

            @Override
            public boolean isOneShot() {
                return true;
            }
        };
    }

    @Override
    public ContractResponse send(ContractRequest request) throws Exception {
        Call call = calls.newCall(toOkHttp(request));
        return mode == Mode.EXECUTE ? execute(call) : await(enqueue(call));
    }

    private static ContractResponse execute(Call call) throws IOException {
        try (Response response = call.execute()) {
            return new ContractResponse(response.code(), response.body().string());
        }
    }

    private static CompletableFuture<ContractResponse> enqueue(Call call) {
        CompletableFuture<ContractResponse> outcome = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                outcome.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    outcome.complete(new ContractResponse(
                            response.code(), response.body().string()));
                } catch (IOException e) {
                    outcome.completeExceptionally(e);
                }
            }
        });
        return outcome;
    }

    private static ContractResponse await(CompletableFuture<ContractResponse> outcome) throws Exception {
        try {
            return outcome.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ex ? ex : e;
        }
    }

    @Override
    public Pending start(ContractRequest request) {
        Call call = calls.newCall(toOkHttp(request));
        if (mode == Mode.EXECUTE) {
            return ThreadPending.start(() -> execute(call), sender -> call.cancel());
        }
        CompletableFuture<ContractResponse> outcome = enqueue(call);
        return new Pending() {
            @Override
            public void cancel() {
                call.cancel();
            }

            @Override
            public ContractResponse await() throws Exception {
                return OkHttpContractClient.await(outcome);
            }
        };
    }

    @Override
    public @Nullable Class<? extends Throwable> interruptedType() {
        return mode == Mode.EXECUTE ? InterruptedIOException.class : null;
    }

    @Override
    public int leasedConnections() {
        return client.connectionPool().connectionCount()
                - client.connectionPool().idleConnectionCount();
    }

    @Override
    public void close() {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown(); // or its idle threads linger for a minute
        client.connectionPool().evictAll();
    }
}
