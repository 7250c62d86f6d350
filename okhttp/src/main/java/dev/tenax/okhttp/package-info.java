/**
 * Tenax retries for OkHttp 5.
 *
 * <pre>{@code
 * OkHttpClient client = RetryInterceptor.install(new OkHttpClient.Builder(), HttpRetryPolicy.defaults()).build();
 * }</pre>
 */
@NullMarked
package dev.tenax.okhttp;

import org.jspecify.annotations.NullMarked;
