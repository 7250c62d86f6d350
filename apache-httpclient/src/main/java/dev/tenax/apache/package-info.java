/**
 * Tenax retries for Apache HttpClient 5.
 *
 * <pre>{@code
 * CloseableHttpClient client = RetryExecHandler.install(HttpClients.custom(), HttpRetryPolicy.defaults()).build();
 * CloseableHttpAsyncClient async =
 *         AsyncRetryExecHandler.install(HttpAsyncClients.custom(), HttpRetryPolicy.defaults()).build();
 * }</pre>
 */
@NullMarked
package dev.tenax.apache;

import org.jspecify.annotations.NullMarked;
