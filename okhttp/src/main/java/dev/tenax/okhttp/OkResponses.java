package dev.tenax.okhttp;

import dev.tenax.http.spi.ResponseAccess;
import java.io.IOException;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Reads OkHttp responses, and releases retried ones: at most 8 KiB drained, then closed. */
enum OkResponses implements ResponseAccess<Response> {
    INSTANCE;

    @Override
    public int status(Response response) {
        return response.code();
    }

    @Override
    public @Nullable String header(Response response, String name) {
        return response.header(name);
    }

    @Override
    public void release(Response response) {
        try (response) {
            // reading a short body to its end lets OkHttp return the connection to the pool
            BufferedSource source = response.body().source();
            source.request(DRAIN_LIMIT);
            source.getBuffer().clear();
        } catch (IOException | RuntimeException ignored) {
            // the connection is simply not reused
        }
    }
}
