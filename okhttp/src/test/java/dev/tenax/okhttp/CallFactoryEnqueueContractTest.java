package dev.tenax.okhttp;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ClientContract;
import dev.tenax.testkit.ContractClient;

/** The client contract for RetryingCallFactory, calls enqueued. */
class CallFactoryEnqueueContractTest extends ClientContract {
    @Override
    protected ContractClient newClient(HttpRetryPolicy policy) {
        return OkHttpContractClient.callFactory(policy, OkHttpContractClient.Mode.ENQUEUE);
    }

    @Override
    public boolean speaksHttp2PriorKnowledge() {
        return true;
    }

    @Override
    public ContractClient newHttp2Client(HttpRetryPolicy policy) {
        return OkHttpContractClient.callFactory(policy, OkHttpContractClient.Mode.ENQUEUE, OkHttpContractClient.HTTP2);
    }
}
