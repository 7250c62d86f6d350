package dev.tenax.okhttp;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import dev.tenax.testkit.ReliabilitySuite;

/** The reliability suite for CallFactoryExecute. */
class CallFactoryExecuteReliabilityTest extends ReliabilitySuite {
    @Override
    protected ContractClient newClient(HttpRetryPolicy policy) {
        return OkHttpContractClient.callFactory(policy, OkHttpContractClient.Mode.EXECUTE);
    }
}
