package dev.tenax.okhttp;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * A network interceptor that keeps OkHttp from re-sending a request by itself when the server answers
 * {@code 503} with {@code Retry-After: 0}: OkHttp's follow-up logic does that for any method, POST included.
 * The header is moved aside on its way up and put back by {@link RetryInterceptor}, so Tenax (and the caller)
 * still see it; Tenax then decides, with its idempotency rules.
 */
final class RetryAfterGuard implements Interceptor {
    static final String STASHED = "Tenax-Stashed-Retry-After";
    static final RetryAfterGuard INSTANCE = new RetryAfterGuard();

    private RetryAfterGuard() {}

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() != 503 || response.headers("Retry-After").isEmpty()) {
            return response;
        }
        Response.Builder moved = response.newBuilder().removeHeader("Retry-After");
        for (String value : response.headers("Retry-After")) {
            moved.addHeader(STASHED, value);
        }
        return moved.build();
    }

    /** Puts a stashed {@code Retry-After} back where it was. */
    static Response restore(Response response) {
        if (response.headers(STASHED).isEmpty()) {
            return response;
        }
        Response.Builder restored = response.newBuilder().removeHeader(STASHED);
        for (String value : response.headers(STASHED)) {
            restored.addHeader("Retry-After", value);
        }
        return restored.build();
    }
}
