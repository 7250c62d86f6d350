package dev.tenax.jdk;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ContractRequest;
import dev.tenax.testkit.ContractResponse;
import dev.tenax.testkit.Pending;
import dev.tenax.testkit.ThreadPending;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** The contract's client over the JDK HttpClient: {@code send} or {@code sendAsync}. */
final class JdkContractClient implements ContractClient {
    enum Mode {
        SEND,
        SEND_ASYNC
    }

    private final RetryingHttpClient client;
    private final Mode mode;

    JdkContractClient(HttpRetryPolicy policy, Mode mode) {
        this.client = RetryingHttpClient.wrap(
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build(),
                policy);
        this.mode = mode;
    }

    static HttpRequest toJdk(ContractRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        String body = request.body();
        BodyPublisher publisher = body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body);
        if (request.oneShot()) {
            publisher = RetryingHttpClient.oneShot(publisher);
        }
        return builder.header("Content-Type", "text/plain; charset=utf-8")
                .method(request.method(), publisher)
                .build();
    }

    @Override
    public ContractResponse send(ContractRequest request) throws Exception {
        return mode == Mode.SEND ? send(toJdk(request)) : await(sendAsync(toJdk(request)));
    }

    private ContractResponse send(HttpRequest request) throws IOException, InterruptedException {
        return toContract(client.send(request, BodyHandlers.ofString()));
    }

    private CompletableFuture<ContractResponse> sendAsync(HttpRequest request) {
        return client.sendAsync(request, BodyHandlers.ofString()).thenApply(JdkContractClient::toContract);
    }

    private static ContractResponse toContract(HttpResponse<String> response) {
        return new ContractResponse(response.statusCode(), response.body());
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
        HttpRequest jdkRequest = toJdk(request);
        if (mode == Mode.SEND) {
            return ThreadPending.start(() -> send(jdkRequest), Thread::interrupt);
        }
        CompletableFuture<HttpResponse<String>> outcome = client.sendAsync(jdkRequest, BodyHandlers.ofString());
        return new Pending() {
            @Override
            public void cancel() {
                outcome.cancel(true);
            }

            @Override
            public ContractResponse await() throws Exception {
                return JdkContractClient.await(outcome.thenApply(JdkContractClient::toContract));
            }
        };
    }

    @Override
    public @Nullable Class<? extends Throwable> interruptedType() {
        return mode == Mode.SEND ? InterruptedException.class : null;
    }

    @Override
    public int leasedConnections() {
        return -1; // the JDK client exposes no pool
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
