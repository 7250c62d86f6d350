package dev.tenax.apache;

import dev.tenax.http.spi.ResponseAccess;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.nio.AsyncDataConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.jspecify.annotations.Nullable;

/**
 * Discards the body of an async response that will be retried, within bounds: if it has not ended after
 * {@link ResponseAccess#DRAIN_LIMIT} bytes or {@link ReleaseWatch#WINDOW_MILLIS}, {@code abandon} runs (once) and
 * nothing more is waited for.
 */
final class BoundedDiscard implements AsyncDataConsumer {
    private final Runnable abandon;
    private final AtomicBoolean abandoned = new AtomicBoolean();
    private final ReleaseWatch watch;
    private long received;

    BoundedDiscard(Runnable abandon) {
        this.abandon = abandon;
        this.watch = ReleaseWatch.arm(this::abandon);
    }

    private void abandon() {
        if (abandoned.compareAndSet(false, true)) {
            abandon.run();
        }
    }

    /**
     * Ends the window: after this the connection is never touched from here (it may be the next attempt's).
     *
     * @return whether the body was cut short (then its connection is being discarded)
     */
    boolean end() {
        watch.end();
        return abandoned.get();
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws java.io.IOException {
        capacityChannel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) throws java.io.IOException {
        received += src.remaining();
        src.position(src.limit());
        if (received > ResponseAccess.DRAIN_LIMIT && !watch.end() && abandoned.compareAndSet(false, true)) {
            // failing the exchange from its own I/O thread closes the connection in every HttpClient version
            // (discarding the endpoint here left HttpClient 5.4's exchange hanging)
            throw new java.io.IOException(
                    "a retried body longer than " + ResponseAccess.DRAIN_LIMIT + " bytes is not read");
        }
    }

    @Override
    public void streamEnd(@Nullable List<? extends Header> trailers) {
        watch.end();
    }

    @Override
    public void releaseResources() {
        watch.end();
    }
}
