package dev.tenax.okhttp;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ClientContract;
import dev.tenax.testkit.ContractClient;

/** The client contract for RetryInterceptor, calls executed. */
class InterceptorExecuteContractTest extends ClientContract {
    @Override
    protected ContractClient newClient(HttpRetryPolicy policy) {
        return OkHttpContractClient.interceptor(policy, OkHttpContractClient.Mode.EXECUTE);
    }

    @Override
    public boolean speaksHttp2PriorKnowledge() {
        return true;
    }

    @Override
    public ContractClient newHttp2Client(HttpRetryPolicy policy) {
        return OkHttpContractClient.interceptor(policy, OkHttpContractClient.Mode.EXECUTE, OkHttpContractClient.HTTP2);
    }
}
