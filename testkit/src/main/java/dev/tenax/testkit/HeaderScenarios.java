package dev.tenax.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import java.util.Locale;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * When a response header repeats, its first value counts, in every client (issue 13); the attempt header a policy
 * may ask for carries each attempt's number, in every client (issue 16).
 */
public interface HeaderScenarios extends ScenarioHost {
    private static MockResponse unavailable(String... retryAfter) {
        MockResponse.Builder builder = new MockResponse.Builder().code(503).body("busy");
        for (String value : retryAfter) {
            builder.addHeader("Retry-After", value);
        }
        return builder.build();
    }

    @Test
    default void theFirstOfTwoRetryAfterValuesCountsWhenItIsShort() throws Exception {
        mockServer().enqueue(unavailable("0", "3600"));
        mockServer().enqueue(new MockResponse.Builder().body("ok").build());

        ContractResponse response = scenarioClient(scenarioPolicy())
                .send(ContractRequest.get(mockServer().url("/").uri()));

        assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
        assertThat(mockServer().getRequestCount()).isEqualTo(2);
    }

    @Test
    default void theFirstOfTwoRetryAfterValuesCountsWhenItIsLong() throws Exception {
        mockServer().enqueue(unavailable("3600", "0"));
        mockServer().enqueue(new MockResponse.Builder().body("ok").build());

        ContractResponse response = scenarioClient(scenarioPolicy())
                .send(ContractRequest.get(mockServer().url("/").uri()));

        assertThat(response).isEqualTo(new ContractResponse(503, "busy"));
        assertThat(mockServer().getRequestCount()).isEqualTo(1);
        assertThat(recordedGiveUps())
                .singleElement()
                .extracting(GiveUpDetails::reason)
                .isEqualTo(GiveUpReason.HINT_TOO_LONG);
    }

    @Test
    default void anAttemptHeaderCarriesEachReSentAttemptsNumberAndLeavesTheFirstAsWritten() throws Exception {
        mockServer().enqueue(unavailable());
        mockServer().enqueue(unavailable());
        mockServer().enqueue(new MockResponse.Builder().body("ok").build());

        ContractResponse response = scenarioClient(scenarioPolicy().attemptHeader("X-Retry-Attempt"))
                .send(ContractRequest.get(mockServer().url("/").uri())
                        .header("x-retry-attempt", "callers")
                        .header("X-RETRY-ATTEMPT", "second value")); // two values: a re-send replaces both

        assertThat(response).isEqualTo(new ContractResponse(200, "ok"));
        assertThat(mockServer().takeRequest().getHeaders().values("X-Retry-Attempt"))
                .as("the first attempt, as the caller wrote it")
                .containsExactlyInAnyOrder("callers", "second value");
        for (int attempt = 2; attempt <= 3; attempt++) {
            RecordedRequest request = mockServer().takeRequest();
            assertThat(request.getHeaders().values("X-Retry-Attempt")).containsExactly(Integer.toString(attempt));
        }
    }

    @Test
    default void noAttemptHeaderIsSentByDefault() throws Exception {
        mockServer().enqueue(unavailable());
        mockServer().enqueue(new MockResponse.Builder().body("ok").build());

        scenarioClient(scenarioPolicy())
                .send(ContractRequest.get(mockServer().url("/").uri()));

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(mockServer().takeRequest().getHeaders().names())
                    .noneMatch(name -> name.toLowerCase(Locale.ROOT).contains("attempt"));
        }
    }
}
