package dev.tenax.okhttp;

import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The first value of a header, the one every Tenax client reads when a header repeats. OkHttp's own
 * {@code header(name)} returns the last one.
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
}
