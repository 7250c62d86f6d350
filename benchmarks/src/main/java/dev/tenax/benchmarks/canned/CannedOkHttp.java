package dev.tenax.benchmarks.canned;

import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.okhttp.RetryInterceptor;
import dev.tenax.okhttp.RetryingCallFactory;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * OkHttp clients whose last application interceptor answers every request with one canned {@code 200}: the
 * whole OkHttp call machinery runs (call, Dispatcher, application interceptors), but not the network part of the
 * chain (no connection, no socket, no network interceptor).
 */
public final class CannedOkHttp {
    private final Response canned;

    /** Answers at once; must be the last application interceptor. */
    private final Interceptor answer;

    public CannedOkHttp(Request request) {
        // one instance for every call: its body is empty, closing it again is a no-op
        this.canned = new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(200)
                .message("OK")
                .header("Content-Type", "text/plain")
                .header("Content-Length", "0")
                .body(ResponseBody.create("", null))
                .sentRequestAtMillis(1)
                .receivedResponseAtMillis(2)
                .build();
        this.answer = chain -> canned;
    }

    /** The bare client: OkHttp's defaults, the canned answer, {@code enqueue()} run on the calling thread. */
    public OkHttpClient bare() {
        return builder().addInterceptor(answer).build();
    }

    /** {@code RetryInterceptor.install(builder, policy)}, then the canned answer after it. */
    public OkHttpClient interceptor(HttpRetryPolicy policy) {
        return RetryInterceptor.install(builder(), policy)
                .addInterceptor(answer)
                .build();
    }

    /** {@code RetryingCallFactory.create(bare, policy)}: each attempt is a call of a bare client. */
    public Call.Factory callFactory(HttpRetryPolicy policy) {
        return RetryingCallFactory.create(bare(), policy);
    }

    private static OkHttpClient.Builder builder() {
        return new OkHttpClient.Builder().dispatcher(new Dispatcher(new DirectExecutorService()));
    }

    /** Stops nothing that runs (no thread, no connection), but keeps the harnesses' habit. */
    public static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /**
     * A callback that keeps the last status. With the direct executor the call is over when {@code enqueue()}
     * returns; {@link #take()} checks that it was.
     */
    public static final class LastStatus implements Callback {
        private int status;
        private @Nullable IOException failure;

        @Override
        public void onResponse(Call call, Response response) {
            try (response) {
                status = response.code();
            }
        }

        @Override
        public void onFailure(Call call, IOException e) {
            failure = e;
        }

        /** The status of the call that just ended, and resets. */
        public int take() throws IOException {
            IOException failed = failure;
            if (failed != null) {
                throw failed;
            }
            int s = status;
            if (s == 0) {
                throw new IllegalStateException("enqueue() returned before the callback ran");
            }
            status = 0;
            return s;
        }
    }
}
