package dev.tenax.apache;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ClientContract;
import dev.tenax.testkit.ContractClient;

/** The client contract for AsyncRetryExecHandler on the async client. */
class AsyncContractTest extends ClientContract {
    @Override
    protected ContractClient newClient(HttpRetryPolicy policy) {
        return new AsyncContractClient(policy);
    }

    @Override
    public boolean speaksHttp2PriorKnowledge() {
        return true;
    }

    @Override
    public ContractClient newHttp2Client(HttpRetryPolicy policy) {
        return AsyncContractClient.http2(policy);
    }
}
