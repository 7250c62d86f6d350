package dev.tenax.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Redirect chains (issue 13): a retry never re-sends a non-idempotent request because a later hop failed; where
 * the client can re-send only the failing hop, it does.
 */
public interface RedirectScenarios extends ScenarioHost {
    /**
     * Whether the client variant follows redirects itself. A variant that returns redirects to the caller skips
     * these scenarios.
     */
    default boolean followsRedirects() {
        return true;
    }

    /**
     * Whether the client lets Tenax re-send only the hop that failed. A client that follows redirects inside one
     * exchange and never tells which hop answered (the JDK's) makes Tenax judge the original request instead, so
     * a POST redirected to a failing GET is returned as it is: the safe side of the rule.
     */
    default boolean resendsOnlyTheFailingHop() {
        return true;
    }

    private static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Location", location)
                .build();
    }

    private String requestLine() throws InterruptedException {
        RecordedRequest request = mockServer().takeRequest();
        return request.getMethod() + " " + request.getUrl().encodedPath();
    }

    @Test
    default void aFailedGetAfterASeeOtherIsRetriedWithoutResendingThePost() throws Exception {
        assumeTrue(followsRedirects(), "the client does not follow redirects");
        assumeTrue(resendsOnlyTheFailingHop(), "the client does not say which hop answered");
        mockServer().enqueue(redirect(303, "/b"));
        mockServer().enqueue(new MockResponse.Builder().code(503).body("busy").build());
        mockServer().enqueue(new MockResponse.Builder().body("ok").build());

        ContractResponse response = scenarioClient(scenarioPolicy())
                .send(ContractRequest.of("POST", mockServer().url("/a").uri(), "{\"n\":1}"));

        assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
        assertThat(mockServer().getRequestCount()).isEqualTo(3);
        assertThat(requestLine()).isEqualTo("POST /a");
        assertThat(requestLine()).isEqualTo("GET /b");
        assertThat(requestLine()).isEqualTo("GET /b");
    }

    @Test
    default void aFailedPostAfterATemporaryRedirectIsNotRetried() throws Exception {
        assumeTrue(followsRedirects(), "the client does not follow redirects");
        mockServer().enqueue(redirect(307, "/b"));
        mockServer().enqueue(new MockResponse.Builder().code(503).body("busy").build());
        mockServer().enqueue(new MockResponse.Builder().body("created twice").build());

        ContractResponse response = scenarioClient(scenarioPolicy())
                .send(ContractRequest.of("POST", mockServer().url("/a").uri(), "{\"n\":1}"));

        assertThat(response).isEqualTo(new ContractResponse(503, "busy"));
        assertThat(mockServer().getRequestCount()).isEqualTo(2);
        assertThat(requestLine()).isEqualTo("POST /a");
        assertThat(requestLine()).isEqualTo("POST /b");
    }
}
