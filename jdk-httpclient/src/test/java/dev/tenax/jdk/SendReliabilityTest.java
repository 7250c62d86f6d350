package dev.tenax.jdk;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ReliabilitySuite;

/** The reliability suite for RetryingHttpClient.send. */
class SendReliabilityTest extends ReliabilitySuite {
    @Override
    protected ContractClient newClient(HttpRetryPolicy policy) {
        return new JdkContractClient(policy, JdkContractClient.Mode.SEND);
    }
}
