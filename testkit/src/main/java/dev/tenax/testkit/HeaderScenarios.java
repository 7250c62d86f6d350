package dev.tenax.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** When a response header repeats, its first value counts, in every client (issue 13). */
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
}
