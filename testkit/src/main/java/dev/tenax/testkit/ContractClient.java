package dev.tenax.testkit;

import org.jspecify.annotations.Nullable;

/** One client variant under the contract: a Tenax-wrapped client with one retry policy. */
public interface ContractClient extends AutoCloseable {
    /**
     * Sends a request through the client's public API, reads the whole body and closes the response.
     *
     * @param request the request
     * @return the final status and body
     * @throws Exception what the client's API throws, unchanged
     */
    ContractResponse send(ContractRequest request) throws Exception;

    /**
     * Starts a request in the background.
     *
     * @param request the request
     * @return the pending call
     */
    Pending start(ContractRequest request);

    /**
     * What an interrupt during a wait makes {@link #send} throw, or {@code null} for an asynchronous variant
     * (no thread of the caller's waits).
     *
     * @return the exception type, or {@code null}
     */
    @Nullable
    Class<? extends Throwable> interruptedType();

    /**
     * Connections checked out of the client's pool and not returned.
     *
     * @return the count, or -1 when the client cannot tell
     */
    int leasedConnections();

    @Override
    void close();
}
