package dev.tenax.okhttp;

import dev.tenax.http.spi.ResponseAccess;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads OkHttp responses, and releases retried ones: what is buffered or arrives within a few milliseconds is
 * drained (at most {@link #DRAIN_LIMIT} bytes), then the response is closed.
 */
enum OkResponses implements ResponseAccess<Response> {
    INSTANCE;

    /** How long a release waits for more of a retried body. */
    static final long DRAIN_WINDOW_MILLIS = 5;

    @Override
    public int status(Response response) {
        return response.code();
    }

    @Override
    public @Nullable String header(Response response, String name) {
        return OkHeaders.first(response.headers(), name);
    }

    @Override
    public void release(Response response) {
        try (response) {
            BufferedSource source = response.body().source();
            // The deadline bounds the drain and, left in place, OkHttp's own discard on close (up to 100 ms on
            // HTTP/1): a body that has not arrived by then is abandoned and its connection closed, not waited for.
            source.timeout().deadline(DRAIN_WINDOW_MILLIS, TimeUnit.MILLISECONDS);
            // reading a short body to its end lets OkHttp return the connection to the pool
            source.request(DRAIN_LIMIT);
            source.getBuffer().clear();
        } catch (IOException | RuntimeException ignored) {
            // the connection is simply not reused
        }
    }
}
