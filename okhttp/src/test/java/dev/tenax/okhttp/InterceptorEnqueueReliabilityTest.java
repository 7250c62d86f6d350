package dev.tenax.okhttp;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ReliabilitySuite;

/** The reliability suite for InterceptorEnqueue. */
class InterceptorEnqueueReliabilityTest extends ReliabilitySuite {
    @Override
    protected ContractClient newClient(HttpRetryPolicy policy) {
        return OkHttpContractClient.interceptor(policy, OkHttpContractClient.Mode.ENQUEUE);
    }
}
