package dev.tenax.apache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.jspecify.annotations.Nullable;

/**
 * The caller's body consumer, whose end (which completes the caller's future) waits for {@code gate}: the engine
 * still judging the response on another thread when its body arrived. Everything else passes straight through.
 * The I/O thread is never held: the end runs on whichever thread completes the gate.
 */
final class StreamEndAfter implements AsyncDataConsumer {
    private final AsyncDataConsumer caller;
    private final CompletableFuture<?> gate;
    private final CompletableFuture<@Nullable Void> ended = new CompletableFuture<>();
    private volatile boolean endRequested;

    StreamEndAfter(AsyncDataConsumer caller, CompletableFuture<?> gate) {
        this.caller = caller;
        this.gate = gate;
    }

    /**
     * Completes once the caller's consumer has ended, exceptionally with what its end threw (HttpClient would
     * have failed the exchange with it): what must come after the end waits for this.
     */
    CompletableFuture<@Nullable Void> ended() {
        return ended;
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        caller.updateCapacity(capacityChannel);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        caller.consume(src);
    }

    @Override
    public void streamEnd(@Nullable List<? extends Header> trailers) {
        endRequested = true;
        CompletableFuture<?> unused = gate.whenComplete((v, e) -> {
            try {
                caller.streamEnd(trailers);
                ended.complete(null);
            } catch (HttpException | IOException | RuntimeException failure) {
                ended.completeExceptionally(failure);
            }
        });
    }

    @Override
    public void releaseResources() {
        if (!endRequested) {
            caller.releaseResources(); // the body never ended (a failed exchange): nothing to wait for
            return;
        }
        // released after the end, never before it: a body released first would be lost
        CompletableFuture<?> unused = ended.whenComplete((v, e) -> caller.releaseResources());
    }
}
