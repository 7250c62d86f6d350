/**
 * Tenax retries for the JDK's {@code java.net.http.HttpClient}: {@link dev.tenax.jdk.RetryingHttpClient} wraps a
 * client so that {@code send} and {@code sendAsync} retry as an {@code HttpRetryPolicy} says.
 */
@org.jspecify.annotations.NullMarked
module dev.tenax.jdk {
    requires transitive dev.tenax.core;
    requires transitive java.net.http;
    requires static org.jspecify;

    exports dev.tenax.jdk;
}
