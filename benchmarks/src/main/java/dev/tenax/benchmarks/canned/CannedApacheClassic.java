package dev.tenax.benchmarks.canned;

import dev.tenax.apache.RetryExecHandler;
import dev.tenax.http.HttpRetryPolicy;
import java.io.IOException;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.hc.core5.util.TimeValue;

/**
 * HttpClient 5's classic exec chain reduced to its last element: a fake {@link ExecChain} that answers every
 * request with one canned {@code 200}, and a {@link ExecChain.Scope} built once. {@link #bare} calls the chain,
 * {@link #tenax} calls {@link RetryExecHandler#execute} over it, exactly as HttpClient calls its RETRY element.
 */
public final class CannedApacheClassic {
    private final ClassicHttpRequest request;
    private final ExecChain.Scope scope;
    private final ExecChain chain;

    public CannedApacheClassic() {
        HttpHost target = new HttpHost("http", "localhost", 8080);
        // what reaches the RETRY element: the user's request, before the protocol element adds its own headers
        this.request = ClassicRequestBuilder.get("http://localhost:8080/canned")
                .addHeader("Accept", "text/plain")
                .build();
        this.scope = new ExecChain.Scope(
                "ex-canned", new HttpRoute(target), request, new IdleRuntime(), HttpClientContext.create());
        ClassicHttpResponse canned = new BasicClassicHttpResponse(200, "OK");
        canned.setEntity(new StringEntity("ok"));
        canned.addHeader("Content-Type", "text/plain");
        this.chain = (req, sc) -> canned;
    }

    /** The canned response, through the fake chain alone. */
    public ClassicHttpResponse bare() throws IOException, HttpException {
        return chain.proceed(request, scope);
    }

    /** The canned response, through {@code handler} over the fake chain. */
    public ClassicHttpResponse tenax(RetryExecHandler handler) throws IOException, HttpException {
        return handler.execute(request, scope, chain);
    }

    public static RetryExecHandler handler(HttpRetryPolicy policy) {
        return RetryExecHandler.create(policy);
    }

    /** A runtime with no endpoint: never aborted; what Tenax may call on it on the success path is a no-op. */
    private static final class IdleRuntime implements ExecRuntime {
        @Override
        public boolean isExecutionAborted() {
            return false;
        }

        @Override
        public boolean isEndpointAcquired() {
            return false;
        }

        @Override
        public void acquireEndpoint(String id, HttpRoute route, Object state, HttpClientContext context) {
            throw new UnsupportedOperationException("canned exchange: no endpoint");
        }

        @Override
        public void releaseEndpoint() {}

        @Override
        public void discardEndpoint() {}

        @Override
        public boolean isEndpointConnected() {
            return false;
        }

        @Override
        public void disconnectEndpoint() {}

        @Override
        public void connectEndpoint(HttpClientContext context) {
            throw new UnsupportedOperationException("canned exchange: no endpoint");
        }

        @Override
        public void upgradeTls(HttpClientContext context) {
            throw new UnsupportedOperationException("canned exchange: no endpoint");
        }

        @Override
        public ClassicHttpResponse execute(String id, ClassicHttpRequest request, HttpClientContext context) {
            throw new UnsupportedOperationException("canned exchange: no endpoint");
        }

        @Override
        public ClassicHttpResponse execute(
                String id,
                ClassicHttpRequest request,
                HttpResponseInformationCallback informationCallback,
                HttpClientContext context) {
            throw new UnsupportedOperationException("canned exchange: no endpoint");
        }

        @Override
        public boolean isConnectionReusable() {
            return false;
        }

        @Override
        public void markConnectionReusable(Object state, TimeValue duration) {}

        @Override
        public void markConnectionNonReusable() {}

        @Override
        public ExecRuntime fork(CancellableDependency cancellableDependency) {
            return this;
        }
    }
}
