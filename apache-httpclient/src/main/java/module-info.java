/** Tenax retries for Apache HttpClient 5. The adapter arrives with its own issue; the module already builds. */
@org.jspecify.annotations.NullMarked
module dev.tenax.apache {
    requires transitive dev.tenax.core;
    requires static org.jspecify;
}
