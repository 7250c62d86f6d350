package dev.tenax.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryBudget;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testing.VirtualTime;
import dev.tenax.testkit.NoDelayServerSockets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Redirects through the JDK client (issue 13, defect 9): it follows them inside one exchange, so Tenax judges and
 * re-sends the original request.
 */
@ResourceLock("dev.tenax.Tenax")
class RedirectTest {
    private final MockWebServer server = new MockWebServer();
    private final VirtualTime time = VirtualTime.install();

    @AfterEach
    void stop() {
        time.close();
        server.close();
    }

    private HttpClient client() throws Exception {
        server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
        server.start();
        return RetryingHttpClient.wrap(
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build(),
                HttpRetryPolicy.builder().budget(RetryBudget.unlimited()).build());
    }

    @Test
    void aPostRedirectedToAFailingGetIsReturnedAndThePostSentOnce() throws Exception {
        HttpClient client = client();
        server.enqueue(
                new MockResponse.Builder().code(303).addHeader("Location", "/b").build());
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        server.enqueue(new MockResponse.Builder().body("ok").build());

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(server.url("/a").uri())
                        .POST(BodyPublishers.ofString("order"))
                        .build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.request().uri().getPath()).isEqualTo("/b");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
        assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
    }

    @Test
    void aGetRedirectedToAFailingHopIsSentAgainFromTheStartAndFollowsTheRedirectAgain() throws Exception {
        HttpClient client = client();
        server.enqueue(
                new MockResponse.Builder().code(302).addHeader("Location", "/b").build());
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        server.enqueue(
                new MockResponse.Builder().code(302).addHeader("Location", "/b").build());
        server.enqueue(new MockResponse.Builder().body("ok").build());

        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(server.url("/a").uri()).build(), BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("ok");
        assertThat(server.getRequestCount()).isEqualTo(4);
        for (String path : new String[] {"/a", "/b", "/a", "/b"}) {
            assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(path);
        }
    }
}
