/**
 * Tenax retries for Apache HttpClient 5: {@link dev.tenax.apache.RetryExecHandler} for the classic client and
 * {@link dev.tenax.apache.AsyncRetryExecHandler} for the async client, each installed in place of HttpClient's
 * own {@code RETRY} exec-chain element.
 */
@org.jspecify.annotations.NullMarked
// httpclient5 and httpcore5 have an Automatic-Module-Name, no descriptor
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.tenax.apache {
    requires transitive dev.tenax.core;
    requires transitive org.apache.httpcomponents.client5.httpclient5;
    requires transitive org.apache.httpcomponents.core5.httpcore5;
    requires org.apache.httpcomponents.core5.httpcore5.h2;
    requires static org.jspecify;

    exports dev.tenax.apache;
}
