package dev.tenax.okhttp;

import java.io.IOException;
import java.util.List;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that keeps OkHttp's {@code RetryAndFollowUpInterceptor} from acting on a {@code 503} of a
 * Tenax call by itself. It reads the <em>last</em> {@code Retry-After} value and, when that is all digits, parses it
 * as an {@code int}: {@code 0} makes it re-send the request at once, for any method, POST included, and a value
 * beyond {@code int} throws {@code NumberFormatException} out of the call. For those two values the guard appends a
 * {@code Retry-After} that OkHttp takes as "not now" (a past HTTP-date); Tenax reads the first value, the server's,
 * so its decision is unchanged, and {@link #restore} removes the appended value before the response leaves Tenax.
 * Calls Tenax does not manage (no {@link Managed} call tag) pass untouched.
 */
final class RetryAfterGuard implements Interceptor {
    static final RetryAfterGuard INSTANCE = new RetryAfterGuard();
    static final String APPENDED = "Thu, 01 Jan 1970 00:00:00 GMT";
    private static final String RETRY_AFTER = "Retry-After";

    /**
     * The call tag that marks a Tenax call: whether the guard appended to its latest response, and whether a hop of
     * the current attempt was answered (a later hop then follows a redirect: the attempt's request was sent).
     */
    static final class Managed {
        private volatile boolean appended;
        private volatile boolean answered;

        /** A new attempt starts on this call: nothing of it has been answered yet. */
        void attemptStarts() {
            answered = false;
        }

        boolean answered() {
            return answered;
        }
    }

    private RetryAfterGuard() {}

    /** Marks {@code call} as Tenax's; returns its tag. */
    static Managed manage(Call call) {
        return call.tag(Managed.class, Managed::new);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        Managed managed = chain.call().tag(Managed.class);
        if (managed == null) {
            return response;
        }
        managed.answered = true;
        if (response.code() != 503) {
            return response;
        }
        List<String> values = response.headers(RETRY_AFTER);
        if (values.isEmpty() || !misreadByOkHttp(values.get(values.size() - 1))) {
            return response;
        }
        managed.appended = true;
        return response.newBuilder().addHeader(RETRY_AFTER, APPENDED).build();
    }

    /** Removes what the guard appended to {@code response}, if it did. */
    static Response restore(Managed managed, Response response) {
        if (!managed.appended) {
            return response;
        }
        managed.appended = false;
        List<String> values = response.headers(RETRY_AFTER);
        if (values.isEmpty() || !values.get(values.size() - 1).equals(APPENDED)) {
            return response;
        }
        Headers headers = response.headers();
        int last = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.name(i).equalsIgnoreCase(RETRY_AFTER)) {
                last = i;
            }
        }
        Headers.Builder kept = new Headers.Builder();
        for (int i = 0; i < headers.size(); i++) {
            if (i != last) {
                kept.addUnsafeNonAscii(headers.name(i), headers.value(i));
            }
        }
        return response.newBuilder().headers(kept.build()).build();
    }

    /** All digits (OkHttp's {@code \d+}) and either zero or beyond {@code int}: OkHttp re-sends or throws. */
    private static boolean misreadByOkHttp(String value) {
        if (value.isEmpty()) {
            return false;
        }
        boolean zero = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            zero &= c == '0';
        }
        if (zero) {
            return true;
        }
        String significant = value.replaceFirst("^0+", "");
        return significant.length() > 10
                || (significant.length() == 10 && significant.compareTo(Integer.toString(Integer.MAX_VALUE)) > 0);
    }
}
