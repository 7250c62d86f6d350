package dev.tenax.okhttp;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ReliabilitySuite;

/** The reliability suite for CallFactoryEnqueue. */
class CallFactoryEnqueueReliabilityTest extends ReliabilitySuite {
    @Override
    protected ContractClient newClient(HttpRetryPolicy policy) {
        return OkHttpContractClient.callFactory(policy, OkHttpContractClient.Mode.ENQUEUE);
    }
}
