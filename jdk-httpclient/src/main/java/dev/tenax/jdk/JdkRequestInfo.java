package dev.tenax.jdk;

import dev.tenax.http.spi.HttpRequestInfo;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/** The engine's view of a JDK request. */
final class JdkRequestInfo implements HttpRequestInfo {
    private final HttpRequest request;
    private final @Nullable Executor clientExecutor;

    JdkRequestInfo(HttpRequest request, @Nullable Executor clientExecutor) {
        this.request = request;
        this.clientExecutor = clientExecutor;
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public URI uri() {
        return request.uri();
    }

    @Override
    public @Nullable String header(String name) {
        return request.headers().firstValue(name).orElse(null);
    }

    @Override
    public @Nullable Executor clientExecutor() {
        return clientExecutor;
    }

    @Override
    public boolean bodyReplayable() {
        // every publisher of BodyPublishers publishes its whole body again on each subscription
        return !(request.bodyPublisher().orElse(null) instanceof OneShotBodyPublisher);
    }
}
