package dev.tenax.apache;

import dev.tenax.http.spi.HttpAttemptContext;
import dev.tenax.http.spi.HttpRequestInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.BooleanSupplier;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;
import org.jspecify.annotations.Nullable;

/** The engine's view of an HttpClient request, and of the cancel that ends a wait. */
final class ApacheRequestInfo implements HttpRequestInfo {
    private final HttpRequest request;
    private final HttpRoute route;
    private final boolean bodyReplayable;
    private final BooleanSupplier cancelled;

    ApacheRequestInfo(HttpRequest request, HttpRoute route, boolean bodyReplayable, BooleanSupplier cancelled) {
        this.request = request;
        this.route = route;
        this.bodyReplayable = bodyReplayable;
        this.cancelled = cancelled;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public URI uri() {
        try {
            return request.getUri();
        } catch (URISyntaxException | IllegalArgumentException e) {
            // a path HttpClient itself can send but java.net.URI rejects: the target is still known
            return URI.create(route.getTargetHost().toURI() + "/");
        }
    }

    @Override
    public @Nullable String header(String name) {
        return firstValue(request.getFirstHeader(name));
    }

    /** An attempt's own copy of the request, with the policy's attempt header, if any, set to its number. */
    static <R extends HttpRequest> R numbered(R copy, HttpAttemptContext attempt) {
        String header = attempt.attemptHeader();
        if (header != null) {
            // every value of that name goes (setHeader replaces only the first), as OkHttp and the JDK do
            copy.removeHeaders(header);
            copy.addHeader(header, Integer.toString(attempt.attemptNumber()));
        }
        return copy;
    }

    static @Nullable String firstValue(@Nullable Header header) {
        return header == null ? null : header.getValue();
    }

    @Override
    public boolean bodyReplayable() {
        return bodyReplayable;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public boolean cancellable() {
        return true;
    }
}
