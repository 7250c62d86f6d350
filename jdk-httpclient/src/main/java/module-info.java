/** Tenax retries for JDK HttpClient. The adapter arrives with its own issue; the module already builds. */
@org.jspecify.annotations.NullMarked
module dev.tenax.jdk {
    requires transitive dev.tenax.core;
    requires static org.jspecify;
}
