package dev.tenax.apache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Future;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The code of docs/apache-httpclient.md: each {@code region} is copied into the guide, so every example there
 * compiles and runs. Waits run on a {@link VirtualTime} clock.
 */
@ResourceLock("dev.tenax.Tenax")
class ApacheDocsExamplesTest {
    private final MockWebServer server = new MockWebServer();
    private final VirtualTime time = VirtualTime.install();

    @BeforeEach
    void startServer() throws IOException {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
    }

    @AfterEach
    void stop() {
        time.close();
        server.close();
    }

    private void answer(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).body(body).build());
    }

    @Test
    void classicInstall() throws IOException {
        answer(503, "busy");
        answer(200, "hello");
        URI uri = server.url("/hello").uri();

        // region apache-classic-install
        HttpRetryPolicy policy = HttpRetryPolicy.builder()
                .attempts(4)
                .timeout(Duration.ofSeconds(20))
                .build();
        CloseableHttpClient client =
                RetryExecHandler.install(HttpClients.custom(), policy).build();

        String body = client.execute(new HttpGet(uri), response -> EntityUtils.toString(response.getEntity()));
        // endregion
        client.close();

        assertThat(body).isEqualTo("hello");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void asyncInstall() throws Exception {
        answer(503, "busy");
        answer(200, "hello");
        URI uri = server.url("/hello").uri();

        // region apache-async-install
        CloseableHttpAsyncClient client = AsyncRetryExecHandler.install(
                        HttpAsyncClients.custom(), HttpRetryPolicy.defaults())
                .build();
        client.start();

        Future<SimpleHttpResponse> future =
                client.execute(SimpleRequestBuilder.get(uri).build(), null); // waits hold no thread
        SimpleHttpResponse response = future.get();
        // endregion
        client.close(CloseMode.IMMEDIATE);

        assertThat(response.getBodyText()).isEqualTo("hello");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void perRequestPolicy() throws IOException {
        answer(503, "busy");
        answer(200, "too late");
        URI uri = server.url("/report").uri();
        CloseableHttpClient client = RetryExecHandler.install(HttpClients.custom(), HttpRetryPolicy.defaults())
                .build();

        // region apache-per-request-policy
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(
                RetryExecHandler.POLICY_ATTRIBUTE,
                HttpRetryPolicy.builder().attempts(1).build()); // no retries for this request

        int status = client.execute(new HttpGet(uri), context, response -> response.getCode());
        // endregion
        client.close();

        assertThat(status).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void postWithAnIdempotencyKey() throws IOException {
        answer(503, "busy");
        answer(201, "created once");
        URI uri = server.url("/orders").uri();
        CloseableHttpClient client = RetryExecHandler.install(HttpClients.custom(), HttpRetryPolicy.defaults())
                .build();

        // region apache-post-with-idempotency-key
        HttpPost post = new HttpPost(uri);
        post.setHeader("Idempotency-Key", "order-4711"); // the server de-duplicates: safe to send again
        post.setEntity(new StringEntity("{\"item\":42}", ContentType.APPLICATION_JSON)); // repeatable

        int status = client.execute(post, response -> response.getCode());
        // endregion
        client.close();

        assertThat(status).isEqualTo(201);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
