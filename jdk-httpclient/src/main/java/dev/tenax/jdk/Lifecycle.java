package dev.tenax.jdk;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The shutdown family that {@link HttpClient} has from JDK 21 on ({@code shutdown}, {@code shutdownNow},
 * {@code awaitTermination}, {@code isTerminated}, {@code close}), called reflectively because Tenax is compiled
 * for JDK 17. Where they are absent, each behaves as JDK 21's {@code HttpClient} defaults do.
 */
final class Lifecycle {
    private static final @Nullable Method SHUTDOWN = find("shutdown");
    private static final @Nullable Method SHUTDOWN_NOW = find("shutdownNow");
    private static final @Nullable Method AWAIT_TERMINATION = find("awaitTermination", Duration.class);
    private static final @Nullable Method IS_TERMINATED = find("isTerminated");
    private static final @Nullable Method CLOSE = find("close");

    private Lifecycle() {}

    /** Whether this JDK's {@code HttpClient} has the shutdown family (JDK 21 and later). */
    static boolean available() {
        return SHUTDOWN != null;
    }

    static void shutdown(HttpClient client) {
        if (SHUTDOWN != null) {
            invokeUninterruptibly(SHUTDOWN, client);
        }
    }

    static void shutdownNow(HttpClient client) {
        if (SHUTDOWN_NOW != null) {
            invokeUninterruptibly(SHUTDOWN_NOW, client);
        } else {
            shutdown(client);
        }
    }

    static boolean awaitTermination(HttpClient client, Duration duration) throws InterruptedException {
        Objects.requireNonNull(duration, "duration");
        return AWAIT_TERMINATION != null && Boolean.TRUE.equals(invoke(AWAIT_TERMINATION, client, duration));
    }

    static boolean isTerminated(HttpClient client) {
        return IS_TERMINATED != null && Boolean.TRUE.equals(invokeUninterruptibly(IS_TERMINATED, client));
    }

    static void close(HttpClient client) {
        if (CLOSE != null) {
            invokeUninterruptibly(CLOSE, client);
        }
    }

    private static @Nullable Method find(String name, Class<?>... parameterTypes) {
        try {
            return HttpClient.class.getMethod(name, parameterTypes);
        } catch (NoSuchMethodException beforeJdk21) {
            return null;
        }
    }

    private static @Nullable Object invokeUninterruptibly(Method method, HttpClient client) {
        try {
            return invoke(method, client);
        } catch (InterruptedException notDeclared) {
            Thread.currentThread().interrupt();
            throw new UndeclaredThrowableException(notDeclared);
        }
    }

    private static @Nullable Object invoke(Method method, HttpClient client, Object... args)
            throws InterruptedException {
        try {
            return method.invoke(client, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call HttpClient." + method.getName(), e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new UndeclaredThrowableException(cause);
        }
    }
}
