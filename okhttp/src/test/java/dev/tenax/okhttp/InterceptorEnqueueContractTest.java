package dev.tenax.okhttp;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ClientContract;
import dev.tenax.testkit.ContractClient;

/** The client contract for RetryInterceptor, calls enqueued. */
class InterceptorEnqueueContractTest extends ClientContract {
    @Override
    protected ContractClient newClient(HttpRetryPolicy policy) {
        return OkHttpContractClient.interceptor(policy, OkHttpContractClient.Mode.ENQUEUE);
    }

    @Override
    public boolean seesAnOuterPolicy() {
        return false; // the interceptor runs on a Dispatcher thread (docs/okhttp.md: use the call factory)
    }

    @Override
    public boolean speaksHttp2PriorKnowledge() {
        return true;
    }

    @Override
    public ContractClient newHttp2Client(HttpRetryPolicy policy) {
        return OkHttpContractClient.interceptor(policy, OkHttpContractClient.Mode.ENQUEUE, OkHttpContractClient.HTTP2);
    }
}
