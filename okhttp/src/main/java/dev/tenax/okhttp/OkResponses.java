package dev.tenax.okhttp;

import dev.tenax.http.spi.ResponseAccess;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Reads OkHttp responses, and releases retried ones: what is buffered or arrives within
 * {@link #DRAIN_WINDOW_MILLIS} is drained (at most {@link #DRAIN_LIMIT} bytes), then the response is closed.
 */
enum OkResponses implements ResponseAccess<Response> {
    INSTANCE;

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
        releaseKeeping(response);
    }

    @Override
    public Response releaseKeeping(Response response) {
        ResponseBody body = response.body();
        MediaType type = body.contentType();
        ByteString drained = ByteString.EMPTY;
        try (response) {
            BufferedSource source = body.source();
            // The deadline bounds the drain and, left in place, OkHttp's own discard on close (up to 100 ms on
            // HTTP/1): a body that has not arrived by then is abandoned and its connection closed, not waited for.
            source.timeout().deadline(DRAIN_WINDOW_MILLIS, TimeUnit.MILLISECONDS);
            // reading a short body to its end lets OkHttp return the connection to the pool
            boolean more = source.request(DRAIN_LIMIT);
            Buffer buffer = source.getBuffer();
            if (!more || buffer.size() == body.contentLength()) {
                drained = buffer.readByteString();
            }
            buffer.clear();
        } catch (IOException | RuntimeException abandoned) {
            // the connection is simply not reused; the copy keeps no body
        }
        return response.newBuilder().body(ResponseBody.create(drained, type)).build();
    }
}
