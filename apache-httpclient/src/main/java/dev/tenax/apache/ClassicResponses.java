package dev.tenax.apache;

import dev.tenax.http.spi.ResponseAccess;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
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
        releaseKeepingBody(response);
    }

    /**
     * Releases as {@link #release} does, and keeps a copy for the caller should the call end before another
     * attempt: status, reason, headers, and the body when it was drained whole (else an empty one).
     */
    @Override
    public ClassicHttpResponse releaseKeeping(ClassicHttpResponse response) {
        BasicClassicHttpResponse kept = new BasicClassicHttpResponse(response.getCode(), response.getReasonPhrase());
        kept.setVersion(response.getVersion());
        kept.setHeaders(response.getHeaders());
        HttpEntity entity = response.getEntity();
        String contentType = entity == null ? null : entity.getContentType();
        String contentEncoding = entity == null ? null : entity.getContentEncoding();
        byte[] body = releaseKeepingBody(response);
        if (entity != null) {
            kept.setEntity(new ByteArrayEntity(
                    body == null ? new byte[0] : body,
                    contentType == null ? null : ContentType.parseLenient(contentType),
                    contentEncoding));
        }
        return kept;
    }

    /** Releases the response; its body if it was drained whole (no body: empty), else {@code null}. */
    private byte @Nullable [] releaseKeepingBody(ClassicHttpResponse response) {
        try (response) {
            HttpEntity entity = response.getEntity();
            byte[] body = entity == null ? new byte[0] : drained(entity);
            if (body == null) {
                // before the close, which would otherwise read the rest of the body
                runtime.discardEndpoint();
            }
            return body;
        } catch (IOException | RuntimeException ignored) {
            // the connection is simply not reused
            return null;
        }
    }

    /** The body if it ended within the bounds (then HttpClient has handed its connection back to the pool). */
    private byte @Nullable [] drained(HttpEntity entity) throws IOException {
        long length = entity.getContentLength();
        if (length > DRAIN_LIMIT) {
            return null;
        }
        InputStream in = entity.getContent();
        if (in == null) {
            return new byte[0];
        }
        byte[] buffer = new byte[DRAIN_LIMIT + 1];
        int total = 0;
        for (int n = in.available(); n > 0 && total < DRAIN_LIMIT; n = in.available()) {
            int read = in.read(buffer, total, Math.min(n, DRAIN_LIMIT - total));
            if (read < 0) {
                return Arrays.copyOf(buffer, total);
            }
            total += read;
        }
        if (length >= 0 && total == length) {
            // at its length the stream ends without reading the socket
            return in.read() < 0 ? Arrays.copyOf(buffer, total) : null;
        }
        ReleaseWatch watch = ReleaseWatch.arm(runtime::discardEndpoint);
        try {
            while (total <= DRAIN_LIMIT) {
                int read = in.read(buffer, total, buffer.length - total);
                if (read < 0) {
                    return watch.end() ? null : Arrays.copyOf(buffer, total);
                }
                total += read;
            }
            return null;
        } finally {
            watch.end();
        }
    }
}
