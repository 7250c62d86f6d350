package dev.tenax.okhttp;

import dev.tenax.http.spi.HttpRequestInfo;
import java.net.URI;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The engine's view of the request an attempt sends, and of the call whose cancel ends a wait. After OkHttp
 * followed a redirect (or an auth challenge), the request is the last hop's: that is the one judged and re-sent,
 * never the original POST whose answer was a redirect.
 */
final class OkRequestInfo implements HttpRequestInfo {
    private final Call call;
    private volatile Request request;

    OkRequestInfo(Request request, Call call) {
        this.request = request;
        this.call = call;
    }

    /** The request the next attempt sends. */
    Request current() {
        return request;
    }

    /** Moves to the last hop of {@code response} when OkHttp followed one up; returns {@code response}. */
    Response answeredBy(Response response) {
        if (response.priorResponse() != null) {
            request = response.request();
        }
        return response;
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public URI uri() {
        // HttpUrl.uri() re-parses the URL (~1.7 KB); only retries and give-ups need it
        return request.url().uri();
    }

    @Override
    public String origin() {
        HttpUrl url = request.url();
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }

    @Override
    public @Nullable String header(String name) {
        return OkHeaders.first(request.headers(), name);
    }

    @Override
    public boolean bodyReplayable() {
        RequestBody body = request.body();
        // a one-shot body may be read only once; a duplex body streams while the response arrives
        return body == null || (!body.isOneShot() && !body.isDuplex());
    }

    @Override
    public boolean isCancelled() {
        return call.isCanceled();
    }

    @Override
    public boolean cancellable() {
        return true;
    }

    @Override
    public long callTimeoutNanos() {
        // the interceptor's: OkHttp's call, whose timer started with it; the call factory's: its own timeout()
        return OkTimeouts.limitNanos(call.timeout());
    }
}
