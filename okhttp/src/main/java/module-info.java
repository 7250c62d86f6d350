/** Tenax retries for OkHttp. The adapter arrives with its own issue; the module already builds. */
@org.jspecify.annotations.NullMarked
module dev.tenax.okhttp {
    requires transitive dev.tenax.core;
    requires static org.jspecify;
}
