/**
 * Tenax for OpenTelemetry: {@link dev.tenax.opentelemetry.TenaxTracing} records each retry and give-up as an
 * event on the caller's span and carries the OpenTelemetry context through asynchronous calls.
 */
@org.jspecify.annotations.NullMarked
// requires-automatic: opentelemetry-api and -context ship no module descriptor, only an Automatic-Module-Name.
@SuppressWarnings("requires-automatic")
module dev.tenax.opentelemetry {
    requires transitive dev.tenax.core;
    requires io.opentelemetry.api;
    requires io.opentelemetry.context;
    requires static org.jspecify;

    exports dev.tenax.opentelemetry;
}
