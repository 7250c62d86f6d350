package dev.tenax.apache;

import dev.tenax.http.spi.ResponseAccess;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.jspecify.annotations.Nullable;

/**
 * Reads classic responses, and releases retried ones within bounds: what is already buffered is read at once;
 * the rest only if the body ends within {@link ResponseAccess#DRAIN_LIMIT} bytes and {@link
 * ReleaseWatch#WINDOW_MILLIS}. A body read to its end returns the connection to the pool; any other is not read
 * further (closing it would read all of it): its connection is discarded.
 */
final class ClassicResponses implements ResponseAccess<ClassicHttpResponse> {
    private final ExecRuntime runtime;

    ClassicResponses(ExecRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public int status(ClassicHttpResponse response) {
        return response.getCode();
    }

    @Override
    public @Nullable String header(ClassicHttpResponse response, String name) {
        return ApacheRequestInfo.firstValue(response.getFirstHeader(name));
    }

    @Override
    public void release(ClassicHttpResponse response) {
        try (response) {
            HttpEntity entity = response.getEntity();
            if (entity != null && !drained(entity)) {
                // before the close, which would otherwise read the rest of the body
                runtime.discardEndpoint();
            }
        } catch (IOException | RuntimeException ignored) {
            // the connection is simply not reused
        }
    }

    /** Whether the body ended within the bounds (then HttpClient has handed its connection back to the pool). */
    private boolean drained(HttpEntity entity) throws IOException {
        long length = entity.getContentLength();
        if (length > DRAIN_LIMIT) {
            return false;
        }
        InputStream in = entity.getContent();
        if (in == null) {
            return true;
        }
        byte[] buffer = new byte[DRAIN_LIMIT];
        int total = 0;
        for (int n = in.available(); n > 0 && total < DRAIN_LIMIT; n = in.available()) {
            int read = in.read(buffer, 0, Math.min(n, DRAIN_LIMIT - total));
            if (read < 0) {
                return true;
            }
            total += read;
        }
        if (length >= 0 && total == length) {
            return in.read() < 0; // at its length the stream ends without reading the socket
        }
        ReleaseWatch watch = ReleaseWatch.arm(runtime::discardEndpoint);
        try {
            while (total <= DRAIN_LIMIT) {
                int read = in.read(buffer, 0, Math.min(buffer.length, DRAIN_LIMIT + 1 - total));
                if (read < 0) {
                    return !watch.end();
                }
                total += read;
            }
            return false;
        } finally {
            watch.end();
        }
    }
}
