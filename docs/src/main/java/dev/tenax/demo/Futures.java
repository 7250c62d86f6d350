package dev.tenax.demo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for an asynchronous fetch the way the poller needs it: its I/O failure, or an interrupt kept. */
final class Futures {
    private Futures() {}

    static <T> T await(Future<T> fetch, URI page) throws IOException {
        try {
            return fetch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for " + page);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        }
    }
}
