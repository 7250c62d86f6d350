package dev.tenax.okhttp;

import dev.tenax.http.spi.HttpRequestInfo;
import java.net.URI;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/** The engine's view of an OkHttp request, and of the call whose cancel ends a wait. */
final class OkRequestInfo implements HttpRequestInfo {
    private final Request request;
    private final Call call;

    OkRequestInfo(Request request, Call call) {
        this.request = request;
        this.call = call;
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
}
