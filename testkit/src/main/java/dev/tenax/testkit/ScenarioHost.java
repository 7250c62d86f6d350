package dev.tenax.testkit;

import dev.tenax.GiveUpDetails;
import dev.tenax.http.HttpRetryPolicy;
import java.util.List;
import mockwebserver3.MockWebServer;

/**
 * What a scenario interface (a JUnit 5 interface of default {@code @Test} methods) needs from the contract class
 * that runs it. {@link ClientContract} implements it, so every client variant runs every scenario interface it
 * implements.
 */
public interface ScenarioHost {
    /** The scenario's server, started. */
    MockWebServer mockServer();

    /** A policy with the scenario's listener and no budget. */
    HttpRetryPolicy.Builder scenarioPolicy();

    /** The client variant under test with {@code policy}, closed after the scenario. */
    ContractClient scenarioClient(HttpRetryPolicy.Builder policy);

    /** Every give-up event of the scenario so far. */
    List<GiveUpDetails> recordedGiveUps();
}
