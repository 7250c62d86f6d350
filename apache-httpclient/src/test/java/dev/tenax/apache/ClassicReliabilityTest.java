package dev.tenax.apache;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ReliabilitySuite;

/** The reliability suite for the classic exec-chain handler. */
class ClassicReliabilityTest extends ReliabilitySuite {
    @Override
    protected ContractClient newClient(HttpRetryPolicy policy) {
        return new ClassicContractClient(policy);
    }
}
