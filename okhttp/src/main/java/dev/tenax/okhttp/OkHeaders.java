package dev.tenax.okhttp;

import dev.tenax.http.spi.HttpAttemptContext;
import okhttp3.Headers;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * The first value of a header, the one every Tenax client reads when a header repeats (OkHttp's own
 * {@code header(name)} returns the last one), and the attempt header a policy may ask for.
 */
final class OkHeaders {
    private OkHeaders() {}

    static @Nullable String first(Headers headers, String name) {
        // a scan, not headers.values(name): no list is made on the success path
        for (int i = 0, size = headers.size(); i < size; i++) {
            if (headers.name(i).equalsIgnoreCase(name)) {
                return headers.value(i);
            }
        }
        return null;
    }

    /** {@code request} with the policy's attempt header, if it asks for one, set to this attempt's number. */
    static Request withAttemptNumber(Request request, HttpAttemptContext attempt) {
        String header = attempt.attemptHeader();
        if (header == null) {
            return request;
        }
        return request.newBuilder()
                .header(header, Integer.toString(attempt.attemptNumber()))
                .build();
    }
}
