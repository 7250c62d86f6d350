package dev.tenax.apache;

import dev.tenax.http.spi.ResponseAccess;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.jspecify.annotations.Nullable;

/**
 * Reads classic responses, and releases retried ones. Reading a short body to its end returns the connection to
 * the pool; a body longer than {@link #DRAIN_LIMIT} is not read further (closing it would read all of it): the
 * connection is discarded instead.
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
                runtime.discardEndpoint();
            }
        } catch (IOException | RuntimeException ignored) {
            // the connection is simply not reused
        }
    }

    /** Reads at most {@link #DRAIN_LIMIT} bytes; whether the body ended within them. */
    private static boolean drained(HttpEntity entity) throws IOException {
        if (entity.getContentLength() > DRAIN_LIMIT) {
            return false;
        }
        InputStream in = entity.getContent();
        if (in == null) {
            return true;
        }
        byte[] buffer = new byte[DRAIN_LIMIT];
        int total = 0;
        while (total < DRAIN_LIMIT) {
            int n = in.read(buffer, 0, DRAIN_LIMIT - total);
            if (n < 0) {
                return true;
            }
            total += n;
        }
        return in.read() < 0;
    }
}
