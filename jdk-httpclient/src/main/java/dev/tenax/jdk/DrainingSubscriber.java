package dev.tenax.jdk;

import dev.tenax.http.spi.ResponseAccess;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The body subscriber of a response that will be retried: it keeps at most {@link ResponseAccess#DRAIN_LIMIT}
 * bytes and waits at most {@link ResponseAccess#DRAIN_WINDOW_MILLIS} for the end of the body. A body that ends in
 * time lets the JDK reuse the connection; one that is longer or slower is abandoned (the subscription cancelled,
 * which closes an HTTP/1.1 connection or resets an HTTP/2 stream), so a trickling body never holds up the retry.
 *
 * <p>The body itself is {@code null}; what was drained is kept for {@link DrainedResponse}, which the engine
 * returns instead of sending again when the deadline passes.
 */
final class DrainingSubscriber<T> implements BodySubscriber<T> {
    /** Runs the end of the window off the JDK's one timer thread, where the call then goes on. */
    private static final Executor WINDOW =
            CompletableFuture.delayedExecutor(ResponseAccess.DRAIN_WINDOW_MILLIS, TimeUnit.MILLISECONDS);

    private final ResponseInfo info;
    private final CompletableFuture<@Nullable T> body = new CompletableFuture<>();
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile Flow.@Nullable Subscription subscription;
    private volatile boolean complete;

    DrainingSubscriber(ResponseInfo info) {
        this.info = info;
    }

    /** The status and headers of the response being drained. */
    ResponseInfo info() {
        return info;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
        // the window starts with the body: after it, whatever is still on its way is abandoned
        WINDOW.execute(() -> end(false));
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (over.get()) {
            return;
        }
        // onNext calls never overlap (Flow's rule); the bytes are read only once the body completed whole
        for (ByteBuffer buffer : buffers) {
            int n = buffer.remaining();
            if (kept.size() + n > ResponseAccess.DRAIN_LIMIT) {
                end(false);
                return;
            }
            byte[] bytes = new byte[n];
            buffer.get(bytes);
            kept.write(bytes, 0, n);
        }
    }

    @Override
    public void onError(Throwable failure) {
        end(false);
    }

    @Override
    public void onComplete() {
        end(true);
    }

    private void end(boolean whole) {
        if (!over.compareAndSet(false, true)) {
            return;
        }
        complete = whole;
        Flow.Subscription s = subscription;
        if (!whole && s != null) {
            s.cancel();
        }
        body.complete(null);
    }

    @Override
    @SuppressWarnings("NullAway") // the retried response's body is null: nobody reads it
    public CompletionStage<T> getBody() {
        return body;
    }

    /** The body if all of it arrived in time, else empty. */
    byte[] keptBody() {
        return complete ? kept.toByteArray() : new byte[0];
    }
}
