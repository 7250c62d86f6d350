/**
 * Tenax retries for OkHttp 5: {@link dev.tenax.okhttp.RetryInterceptor} (an application interceptor, installed
 * with {@code RetryInterceptor.install}) and {@link dev.tenax.okhttp.RetryingCallFactory} (a non-blocking
 * {@code Call.Factory}, Retrofit-ready).
 */
@org.jspecify.annotations.NullMarked
@SuppressWarnings("requires-automatic") // okhttp-jvm 5 has an Automatic-Module-Name, no descriptor
module dev.tenax.okhttp {
    requires transitive dev.tenax.core;
    requires transitive okhttp3;
    requires static org.jspecify;

    exports dev.tenax.okhttp;
}
