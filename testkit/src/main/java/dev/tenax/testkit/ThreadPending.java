package dev.tenax.testkit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a blocking send on a thread of its own; cancel is the client's (or an interrupt of that thread). */
public final class ThreadPending implements Pending {
    /** A blocking send. */
    @FunctionalInterface
    public interface Send {
        ContractResponse send() throws Exception;
    }

    /** How the client cancels, given the thread running the send. */
    @FunctionalInterface
    public interface Canceller {
        void cancel(Thread sender);
    }

    private final CompletableFuture<ContractResponse> outcome = new CompletableFuture<>();
    private final Thread thread;
    private final Canceller canceller;

    private ThreadPending(Send send, Canceller canceller) {
        this.canceller = canceller;
        this.thread = new Thread(
                () -> {
                    try {
                        outcome.complete(send.send());
                    } catch (Exception | Error e) {
                        outcome.completeExceptionally(e);
                    }
                },
                "contract-sender");
    }

    public static ThreadPending start(Send send, Canceller canceller) {
        ThreadPending pending = new ThreadPending(send, canceller);
        pending.thread.start();
        return pending;
    }

    @Override
    public void cancel() {
        canceller.cancel(thread);
    }

    @Override
    public ContractResponse await() throws Exception {
        try {
            return outcome.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ex ? ex : e;
        }
    }
}
