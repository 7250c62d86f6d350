package dev.tenax.benchmarks.sim;

import java.util.concurrent.CompletableFuture;

/**
 * One simulated host: each attempt is answered by its {@link Behaviour}, decided when the attempt arrives, and
 * the answer completes the attempt's future {@code latency} later on the {@link EventLoop}. It counts what it
 * sees: the attempts, which is the load that retries add.
 */
public final class SimServer {
    /** What the server answers an attempt arriving at a virtual time. */
    @FunctionalInterface
    public interface Behaviour {
        SimResponse answer(long nowNanos);
    }

    private final EventLoop loop;
    private final long latencyNanos;
    private final Behaviour behaviour;
    private long attempts;

    public SimServer(EventLoop loop, long latencyNanos, Behaviour behaviour) {
        this.loop = loop;
        this.latencyNanos = latencyNanos;
        this.behaviour = behaviour;
    }

    /** Receives one attempt; its answer arrives after the latency. */
    public CompletableFuture<SimResponse> receive() {
        attempts++;
        SimResponse answer = behaviour.answer(loop.now());
        CompletableFuture<SimResponse> response = new CompletableFuture<>();
        loop.post(latencyNanos, () -> response.complete(answer));
        return response;
    }

    /** The attempts received so far. */
    public long attempts() {
        return attempts;
    }
}
