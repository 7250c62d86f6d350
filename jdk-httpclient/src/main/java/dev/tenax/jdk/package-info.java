/**
 * Tenax retries for the JDK's {@link java.net.http.HttpClient}.
 *
 * <pre>{@code
 * HttpClient client = RetryingHttpClient.wrap(HttpClient.newHttpClient(), HttpRetryPolicy.defaults());
 * HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
 * }</pre>
 */
@NullMarked
package dev.tenax.jdk;

import org.jspecify.annotations.NullMarked;
