package dev.tenax.apache;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ContractRequest;
import dev.tenax.testkit.ContractResponse;
import dev.tenax.testkit.Pending;
import dev.tenax.testkit.ThreadPending;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.jspecify.annotations.Nullable;

/** The contract's client over the classic HttpClient with {@link RetryExecHandler} installed. */
final class ClassicContractClient implements ContractClient {
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;

    ClassicContractClient(HttpRetryPolicy policy) {
        this(policy, HttpClients.custom());
    }

    ClassicContractClient(HttpRetryPolicy policy, HttpClientBuilder builder) {
        pool = PoolingHttpClientConnectionManagerBuilder.create().build();
        client = RetryExecHandler.install(builder, policy)
                .setConnectionManager(pool)
                .build();
    }

    CloseableHttpClient client() {
        return client;
    }

    static HttpUriRequestBase toApache(ContractRequest request) {
        HttpUriRequestBase apache = new HttpUriRequestBase(request.method(), request.uri());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            apache.addHeader(header.getKey(), header.getValue()); // adds: two case-variants stay two
        }
        String body = request.body();
        if (body != null) {
            apache.setEntity(request.oneShot() ? oneShot(body) : new StringEntity(body, ContentType.TEXT_PLAIN));
        }
        return apache;
    }

    /** A streamed entity: not repeatable. */
    private static HttpEntity oneShot(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new InputStreamEntity(new ByteArrayInputStream(bytes), bytes.length, ContentType.TEXT_PLAIN);
    }

    @Override
    public ContractResponse send(ContractRequest request) throws IOException {
        return send(toApache(request));
    }

    private ContractResponse send(HttpUriRequestBase request) throws IOException {
        return client.execute(
                request,
                response -> new ContractResponse(response.getCode(), EntityUtils.toString(response.getEntity())));
    }

    @Override
    public Pending start(ContractRequest request) {
        HttpUriRequestBase apache = toApache(request);
        return ThreadPending.start(() -> send(apache), sender -> apache.cancel());
    }

    @Override
    public @Nullable Class<? extends Throwable> interruptedType() {
        return InterruptedIOException.class;
    }

    @Override
    public int leasedConnections() {
        return pool.getTotalStats().getLeased();
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
