package dev.tenax.okhttp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.io.IOException;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 13: a later hop of a redirect chain that fails before it is sent (HTTP/2 {@code REFUSED_STREAM}) does not
 * make Tenax re-send the POST that the redirect answered.
 */
@ResourceLock("dev.tenax.Tenax")
class RedirectHopFailureTest {
    private static final int REFUSED_STREAM = 0x7;
    private final MockWebServer server = new MockWebServer();
    private final HttpRetryPolicy policy =
            HttpRetryPolicy.builder().budget(RetryBudget.unlimited()).build();
    private VirtualTime time;

    @BeforeEach
    void start() throws IOException {
        time = VirtualTime.install();
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
        server.start();
        server.enqueue(
                new MockResponse.Builder().code(303).addHeader("Location", "/b").build());
        server.enqueue(new MockResponse.Builder()
                .onRequestStart(new SocketEffect.CloseStream(REFUSED_STREAM))
                .build());
        server.enqueue(
                new MockResponse.Builder().code(201).body("created twice").build());
    }

    @AfterEach
    void stop() {
        server.close();
        time.close();
    }

    private OkHttpClient.Builder h2() {
        return new OkHttpClient.Builder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
    }

    private Request post() {
        return new Request.Builder()
                .url(server.url("/a"))
                .post(RequestBody.create("{\"n\":1}", MediaType.get("application/json")))
                .build();
    }

    private void assertThePostIsNotResent(Call call) {
        assertThatThrownBy(call::execute).isInstanceOf(IOException.class).hasMessageContaining("REFUSED_STREAM");
    }

    @Test
    void theInterceptorDoesNotResendThePostWhenTheRedirectsHopIsRefused() {
        OkHttpClient client = RetryInterceptor.install(h2(), policy).build();

        assertThePostIsNotResent(client.newCall(post()));
    }

    @Test
    void theCallFactoryDoesNotResendThePostWhenTheRedirectsHopIsRefused() {
        RetryingCallFactory factory = RetryingCallFactory.create(h2().build(), policy);

        assertThePostIsNotResent(factory.newCall(post()));
    }
}
