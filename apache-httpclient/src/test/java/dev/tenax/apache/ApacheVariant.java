package dev.tenax.apache;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ContractClient;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/** The two clients of this module, for tests that run one scenario through both. */
enum ApacheVariant {
    CLASSIC,
    ASYNC;

    ContractClient client(HttpRetryPolicy policy) {
        return this == CLASSIC ? new ClassicContractClient(policy) : new AsyncContractClient(policy);
    }

    /** A client whose default request config is {@code defaults}. */
    ContractClient client(HttpRetryPolicy policy, RequestConfig defaults) {
        return this == CLASSIC
                ? new ClassicContractClient(policy, HttpClients.custom().setDefaultRequestConfig(defaults))
                : new AsyncContractClient(policy, HttpAsyncClients.custom().setDefaultRequestConfig(defaults));
    }
}
