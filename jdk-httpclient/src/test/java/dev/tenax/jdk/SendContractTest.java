package dev.tenax.jdk;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ClientContract;
import dev.tenax.testkit.ContractClient;

/** The client contract for RetryingHttpClient, calls made with {@code send}. */
class SendContractTest extends ClientContract {
    @Override
    protected ContractClient newClient(HttpRetryPolicy policy) {
        return new JdkContractClient(policy, JdkContractClient.Mode.SEND);
    }
}
