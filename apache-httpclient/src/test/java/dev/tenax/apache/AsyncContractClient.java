package dev.tenax.apache;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ContractRequest;
import dev.tenax.testkit.ContractResponse;
import dev.tenax.testkit.Eventually;
import dev.tenax.testkit.Pending;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.StringAsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.jspecify.annotations.Nullable;

/** The contract's client over the async HttpClient with {@link AsyncRetryExecHandler} installed. */
final class AsyncContractClient implements ContractClient {
    private final PoolingAsyncClientConnectionManager pool;
    private final CloseableHttpAsyncClient client;

    AsyncContractClient(HttpRetryPolicy policy) {
        this(policy, HttpAsyncClients.custom());
    }

    AsyncContractClient(HttpRetryPolicy policy, HttpAsyncClientBuilder builder) {
        this(policy, builder, HttpVersionPolicy.NEGOTIATE);
    }

    private AsyncContractClient(HttpRetryPolicy policy, HttpAsyncClientBuilder builder, HttpVersionPolicy versions) {
        pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(200)
                .setDefaultTlsConfig(
                        TlsConfig.custom().setVersionPolicy(versions).build())
                .build();
        client = AsyncRetryExecHandler.install(builder, policy)
                .setConnectionManager(pool)
                .build();
        client.start();
    }

    /** A client that speaks HTTP/2 with prior knowledge on {@code http://} (HttpClient's FORCE_HTTP_2). */
    static AsyncContractClient http2(HttpRetryPolicy policy) {
        return new AsyncContractClient(policy, HttpAsyncClients.custom(), HttpVersionPolicy.FORCE_HTTP_2);
    }

    static AsyncRequestProducer toApache(ContractRequest request) {
        AsyncRequestBuilder builder =
                AsyncRequestBuilder.create(request.method()).setUri(request.uri());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.addHeader(header.getKey(), header.getValue()); // adds: two case-variants stay two
        }
        String body = request.body();
        if (body != null) {
            builder.setEntity(
                    request.oneShot()
                            ? new OneShotProducer(body)
                            : new StringAsyncEntityProducer(body, ContentType.TEXT_PLAIN));
        }
        return builder.build();
    }

    /** A body that says it cannot be produced twice, as a streamed one cannot. */
    private static final class OneShotProducer extends BasicAsyncEntityProducer {
        OneShotProducer(String body) {
            super(body.getBytes(StandardCharsets.UTF_8), ContentType.TEXT_PLAIN);
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }
    }

    Future<SimpleHttpResponse> execute(ContractRequest request) {
        return client.execute(toApache(request), SimpleResponseConsumer.create(), null);
    }

    static ContractResponse await(Future<SimpleHttpResponse> future) throws Exception {
        try {
            SimpleHttpResponse response = future.get(30, TimeUnit.SECONDS);
            return new ContractResponse(
                    response.getCode(), response.getBodyText() == null ? "" : response.getBodyText());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ex ? ex : e;
        }
    }

    @Override
    public ContractResponse send(ContractRequest request) throws Exception {
        return await(execute(request));
    }

    @Override
    public Pending start(ContractRequest request) {
        Future<SimpleHttpResponse> future = execute(request);
        return new Pending() {
            @Override
            public void cancel() {
                future.cancel(true);
            }

            @Override
            public ContractResponse await() throws Exception {
                return AsyncContractClient.await(future);
            }
        };
    }

    @Override
    public @Nullable Class<? extends Throwable> interruptedType() {
        return null;
    }

    /**
     * HttpClient completes a call's future from the response consumer and releases the connection just after, on
     * the I/O thread: the count is read once that release has had its chance ({@link Eventually#BOUND} at most).
     */
    @Override
    public int leasedConnections() {
        return Eventually.drained(() -> pool.getTotalStats().getLeased());
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
