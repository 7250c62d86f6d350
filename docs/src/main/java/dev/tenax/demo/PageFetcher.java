package dev.tenax.demo;

import java.io.IOException;
import java.net.URI;

/**
 * Fetches one page of the API with one HTTP client and one way of retrying. The demo runs the same poll over
 * each implementation, so everything client-specific lives behind this interface.
 */
interface PageFetcher extends AutoCloseable {
    /** A short label for the summary, such as {@code "core + JDK HttpClient"}. */
    String label();

    /**
     * GETs {@code page}, retrying as this fetcher's policy says.
     *
     * @param page the page's URI
     * @return the body of the successful response
     * @throws IOException the last failure when retries are exhausted, or one that is not retried;
     *     {@link java.io.InterruptedIOException} when the thread is interrupted (its flag is set again)
     */
    byte[] fetch(URI page) throws IOException;

    /** Releases the client. Never throws. */
    @Override
    void close();
}
