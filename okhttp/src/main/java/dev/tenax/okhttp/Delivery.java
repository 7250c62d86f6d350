package dev.tenax.okhttp;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Delivers the outcome of an enqueued {@link RetryingCall} to its callback on a Dispatcher thread, as OkHttp does
 * for every callback: at once when the outcome arrives inside an attempt's callback (already a Dispatcher thread),
 * else (a cancel on the caller's thread, a give-up on the engine's timer) on the client's dispatcher executor.
 */
final class Delivery {
    private static final System.Logger LOG = System.getLogger("dev.tenax");
    private static final ThreadLocal<@Nullable Boolean> ON_DISPATCHER = new ThreadLocal<>();

    private final Dispatcher dispatcher;
    private final AtomicBoolean canceled;

    Delivery(Dispatcher dispatcher, AtomicBoolean canceled) {
        this.dispatcher = dispatcher;
        this.canceled = canceled;
    }

    /** Runs {@code task} marked as being on a Dispatcher thread (inside an attempt's callback). */
    static void onDispatcherThread(Runnable task) {
        ON_DISPATCHER.set(Boolean.TRUE);
        try {
            task.run();
        } finally {
            ON_DISPATCHER.remove();
        }
    }

    void deliver(Call call, Callback callback, @Nullable Response response, @Nullable Throwable failure) {
        Runnable task = () -> call(call, callback, response, failure);
        if (ON_DISPATCHER.get() != null) {
            task.run();
            return;
        }
        try {
            dispatcher.executorService().execute(task);
        } catch (RejectedExecutionException shutDown) {
            task.run(); // as OkHttp does when its executor rejects a call: the callback still runs, here
        }
    }

    private void call(Call call, Callback callback, @Nullable Response response, @Nullable Throwable failure) {
        try {
            if (failure == null && response != null) {
                callback.onResponse(call, response);
            } else {
                callback.onFailure(call, asIOException(failure));
            }
        } catch (IOException | RuntimeException callbackFailure) {
            LOG.log(
                    Level.WARNING,
                    "tenax.callback_failed callback=" + callback.getClass().getName(),
                    callbackFailure);
        }
    }

    private IOException asIOException(@Nullable Throwable failure) {
        Throwable t =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof IOException io) {
            return io;
        }
        return new IOException(canceled.get() ? "Canceled" : "call failed", t);
    }
}
