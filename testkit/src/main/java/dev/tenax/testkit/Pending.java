package dev.tenax.testkit;

/** A call started in the background: blocking clients run it on a thread of its own. */
public interface Pending {
    /** Cancels the call the way the client's API does (its cancel, or an interrupt for {@code send}). */
    void cancel();

    /**
     * Waits (at most 10 s) for the call to end.
     *
     * @return its response
     * @throws Exception what the call threw
     */
    ContractResponse await() throws Exception;
}
