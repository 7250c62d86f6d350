package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryPolicy;
import dev.tenax.Tenax;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.okhttp.RetryInterceptor;
import dev.tenax.testing.TenaxTesting;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** README's example, compiled and run. */
@ResourceLock("dev.tenax.Tenax")
class ReadmeExampleTest {
    record User(String id) {}

    /** A client whose first call fails. */
    static final class FlakyUserClient {
        final AtomicInteger calls = new AtomicInteger();

        User fetchUser(String id) throws IOException {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("connection reset");
            }
            return new User(id);
        }
    }

    @Test
    @TenaxTesting(attempts = 5, cap = true)
    void readme() throws IOException {
        FlakyUserClient client = new FlakyUserClient();
        String id = "42";
        // region readme-example
        RetryPolicy policy = RetryPolicy.on(IOException.class) // retry only what you name
                .attempts(5) // at most 5 attempts...
                .timeout(Duration.ofSeconds(10)) // ...and at most 10 s in all
                .name("fetch-user")
                .build();

        User user = policy.call(() -> client.fetchUser(id)); // rethrows the last IOException when it gives up
        // endregion

        assertThat(user).isEqualTo(new User("42"));
        assertThat(client.calls).hasValue(2);
    }

    @Test
    @TenaxTesting(attempts = 3)
    void readmeOkHttp() throws IOException {
        try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
            server.setServerSocketFactory(dev.tenax.testkit.NoDelayServerSockets.INSTANCE);
            server.start();
            server.enqueue(new mockwebserver3.MockResponse.Builder().code(503).build());
            server.enqueue(new mockwebserver3.MockResponse.Builder()
                    .code(200)
                    .body("{}")
                    .build());
            String url = server.url("/users/42").toString();
            // region readme-okhttp
            HttpRetryPolicy policy = HttpRetryPolicy.builder() // 503, 429, … and connection failures
                    .attempts(5)
                    .timeout(Duration.ofSeconds(10))
                    .build();
            OkHttpClient client =
                    RetryInterceptor.install(new OkHttpClient.Builder(), policy).build();

            try (Response response =
                    client.newCall(new Request.Builder().url(url).build()).execute()) {
                System.out.println(response.code()); // 200 after a retry; the last answer if it gives up
            }
            // endregion
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void readmeTesting() {
        // region readme-testing
        try (Tenax.Handle testing = Tenax.setTesting(true, 3, false)) {
            // in tests: every policy makes exactly 3 attempts, without waiting
        }
        // endregion
        assertThat(Tenax.isTesting()).isFalse();
    }
}
