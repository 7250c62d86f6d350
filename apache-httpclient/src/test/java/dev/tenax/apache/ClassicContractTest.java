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
}
