package dev.tenax.jdk;

import dev.tenax.http.spi.ResponseAccess;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;

/**
 * Reads JDK responses. A response the engine retries was given a discarding body subscriber when its headers
 * arrived, so its connection is already released; a response with a body the caller's handler opened (a stream)
 * is closed.
 */
final class JdkResponses<T> implements ResponseAccess<HttpResponse<T>> {
    private static final JdkResponses<?> INSTANCE = new JdkResponses<>();

    private JdkResponses() {}

    @SuppressWarnings("unchecked") // stateless: one instance serves every body type
    static <T> JdkResponses<T> get() {
        return (JdkResponses<T>) INSTANCE;
    }

    @Override
    public int status(HttpResponse<T> response) {
        return response.statusCode();
    }

    @Override
    public @Nullable String header(HttpResponse<T> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public @Nullable HttpResponse<T> releaseKeeping(HttpResponse<T> response) {
        if (response instanceof DrainedResponse) {
            return response; // drained when its headers arrived: it holds no connection, and it is the kept copy
        }
        release(response);
        return null;
    }

    @Override
    public void release(HttpResponse<T> response) {
        // only reached for a response nobody will read (a cancelled call): an open stream must not leak
        if (response.body() instanceof AutoCloseable body) {
            try {
                body.close();
            } catch (Exception ignored) {
                // the connection is simply not reused
            }
        }
    }
}
