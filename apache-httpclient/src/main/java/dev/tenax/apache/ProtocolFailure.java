package dev.tenax.apache;

import org.apache.hc.core5.http.HttpException;

/**
 * Carries an {@link HttpException} (a protocol error, never retried) through the engine, whose attempts may throw
 * only {@code IOException}s; the handler rethrows the original.
 */
final class ProtocolFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpException exception;

    ProtocolFailure(HttpException exception) {
        super(exception.getMessage(), exception, true, false);
        this.exception = exception;
    }

    /** The original exception, with what the engine attached (earlier attempts' failures) moved onto it. */
    HttpException unwrap() {
        for (Throwable earlier : getSuppressed()) {
            exception.addSuppressed(earlier);
        }
        return exception;
    }
}
