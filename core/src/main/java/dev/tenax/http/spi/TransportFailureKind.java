package dev.tenax.http.spi;

/** What a transport failure means for a retry. */
public enum TransportFailureKind {
    /** Transient, and nothing was sent: any request may be retried (for example, connection refused). */
    TRANSIENT_NOT_SENT,
    /** Transient, but the request may have reached the server (for example, a read timeout or a reset). */
    TRANSIENT_MAYBE_SENT,
    /** Not worth retrying (TLS verification, unknown host, cancellation, protocol errors). */
    PERMANENT
}
