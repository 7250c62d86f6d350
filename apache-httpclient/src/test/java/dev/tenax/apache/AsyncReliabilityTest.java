package dev.tenax.apache;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ReliabilitySuite;

/** The reliability suite for the async exec-chain handler. */
class AsyncReliabilityTest extends ReliabilitySuite {
    @Override
    protected ContractClient newClient(HttpRetryPolicy policy) {
        return new AsyncContractClient(policy);
    }
}
