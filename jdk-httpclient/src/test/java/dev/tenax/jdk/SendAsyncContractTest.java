package dev.tenax.jdk;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.testkit.ClientContract;
import dev.tenax.testkit.ContractClient;

/** The client contract for RetryingHttpClient, calls made with {@code sendAsync}. */
class SendAsyncContractTest extends ClientContract {
    @Override
    protected ContractClient newClient(HttpRetryPolicy policy) {
        return new JdkContractClient(policy, JdkContractClient.Mode.SEND_ASYNC);
    }

    /**
     * The JDK client follows redirects inside one exchange and its body handler's {@code ResponseInfo} does not say
     * which hop answered, so Tenax judges the original request: a POST redirected to a failing GET is returned
     * (RedirectTest pins it).
     */
    @Override
    public boolean resendsOnlyTheFailingHop() {
        return false;
    }

    /**
     * The JDK HttpClient reaches HTTP/2 on {@code http://} only through the HTTP/1.1 {@code Upgrade: h2c}
     * handshake, never with prior knowledge, which is what MockWebServer's cleartext h2 needs.
     */
    @Override
    public boolean speaksHttp2PriorKnowledge() {
        return false;
    }
}
