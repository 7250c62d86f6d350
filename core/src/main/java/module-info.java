/**
 * Tenax core: the retry policy engine ({@code dev.tenax}), the client-neutral HTTP retry semantics and the
 * testing support. It has no required runtime dependency: Micrometer, its context-propagation and JUnit are used
 * only when present, and so is JFR: an image made with jlink without {@code jdk.jfr} runs Tenax without the JFR event. (A modular
 * application whose modules do not require {@code jdk.jfr} resolves it only with {@code --add-modules jdk.jfr}.)
 */
@org.jspecify.annotations.NullMarked
// requires-automatic: Micrometer 1.x and context-propagation ship no module descriptor.
// exports: dev.tenax.testing names JUnit types and dev.tenax.micrometer Micrometer's, but both stay optional
// (static) for everyone else: those packages are loaded only by code that uses them.
@SuppressWarnings({"requires-automatic", "exports"})
module dev.tenax.core {
    requires static transitive org.jspecify;
    requires static micrometer.core;
    requires static context.propagation;
    requires static org.junit.jupiter.api;
    requires static org.junit.platform.commons;
    requires static jdk.jfr;

    exports dev.tenax;
    exports dev.tenax.http;
    exports dev.tenax.http.spi;
    exports dev.tenax.micrometer;
    exports dev.tenax.testing;
}
