package dev.tenax.http.spi;

import org.jspecify.annotations.Nullable;

/**
 * Classifies a client's own exception types. Return {@code null} for a failure you do not recognise: the core's
 * rules for JDK types ({@code ConnectException}, {@code SocketTimeoutException}, TLS failures…) then apply.
 */
@FunctionalInterface
public interface FailureClassifier {
    /** A classifier that recognises nothing, leaving every failure to the core's rules. */
    FailureClassifier NONE = failure -> null;

    /**
     * Classifies {@code failure}.
     *
     * @param failure an exception thrown or completed by one attempt
     * @return its kind, or {@code null} to defer to the core's rules
     */
    @Nullable
    TransportFailureKind classify(Throwable failure);
}
