package dev.tenax;

/**
 * Carries the caller's thread-bound context (a logging MDC, a tracing context, a security context, any
 * {@link ThreadLocal}) to the other threads an asynchronous call continues on. Tenax captures it on the caller's
 * thread when a call first has to continue elsewhere, and puts it in place around everything it runs there for
 * that call: the listeners ({@link RetryListener#onRetryScheduled}, {@link RetryListener#openScope} and the
 * scope's close, {@link RetryListener#onGiveUp}), the start of every later attempt and the completion of the
 * call's future. Afterwards the thread gets back what it had before, so nothing leaks into the next task.
 *
 * <p>With {@code io.micrometer:context-propagation} on the class path, Tenax already propagates every
 * {@code ThreadLocalAccessor} of its global {@code ContextRegistry}; a propagator is for context that registry
 * does not know. Register one for every policy with {@link Tenax#setContextPropagators}, or for one policy
 * with {@code contextPropagator(...)} on either policy builder.
 *
 * <pre>{@code
 * ThreadLocal<String> tenant = new ThreadLocal<>();
 * ContextPropagator tenantPropagator = () -> {
 *     String captured = tenant.get();              // on the caller's thread
 *     return () -> {                               // on a Tenax thread, before it runs anything for the call
 *         String previous = tenant.get();
 *         tenant.set(captured);
 *         return () -> tenant.set(previous);       // after it: the thread's own value back
 *     };
 * };
 * RetryPolicy policy = RetryPolicy.on(IOException.class).contextPropagator(tenantPropagator).build();
 * }</pre>
 *
 * <p>A propagator that throws never breaks a call: the failure is logged once per class, and the call goes on
 * without that propagator's context. A blocking call never captures anything: it stays on the caller's thread.
 */
@FunctionalInterface
public interface ContextPropagator {
    /**
     * Captures the current thread's context; called on the caller's thread.
     *
     * @return what to put in place on another thread later; may be restored any number of times, on any thread
     */
    Snapshot capture();

    /** A captured context. */
    @FunctionalInterface
    interface Snapshot {
        /**
         * Puts the captured context in place on the current thread.
         *
         * @return what puts back the thread's previous context when closed
         */
        Scope restore();
    }

    /** A restored context; closing it puts back what the thread had before. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {
        /** Puts back the thread's previous context. Must not throw. */
        @Override
        void close();
    }
}
