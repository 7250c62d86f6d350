package dev.tenax.apache;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ClientContract;
import dev.tenax.testkit.ContractClient;

/** The client contract for RetryExecHandler on the classic client. */
class ClassicContractTest extends ClientContract {
    @Override
    protected ContractClient newClient(HttpRetryPolicy policy) {
        return new ClassicContractClient(policy);
    }

    /** Classic HttpClient 5 speaks HTTP/1.1 only: its HTTP/2 support is in the async client. */
    @Override
    public boolean speaksHttp2PriorKnowledge() {
        return false;
    }
}
