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
    /** The methods of this JDK's {@code HttpClient}. */
    static final Lifecycle JDK = new Lifecycle(HttpClient.class);

    private final @Nullable Method shutdown;
    private final @Nullable Method shutdownNow;
    private final @Nullable Method awaitTermination;
    private final @Nullable Method isTerminated;
    private final @Nullable Method close;

    /** The methods as {@code type} declares or inherits them; any of them may be absent. */
    Lifecycle(Class<? extends HttpClient> type) {
        this.shutdown = find(type, "shutdown");
        this.shutdownNow = find(type, "shutdownNow");
        this.awaitTermination = find(type, "awaitTermination", Duration.class);
        this.isTerminated = find(type, "isTerminated");
        this.close = find(type, "close");
    }

    void shutdown(HttpClient client) {
        if (shutdown != null) {
            invokeUninterruptibly(shutdown, client);
        }
    }

    void shutdownNow(HttpClient client) {
        if (shutdownNow != null) {
            invokeUninterruptibly(shutdownNow, client);
        } else {
            shutdown(client);
        }
    }

    boolean awaitTermination(HttpClient client, Duration duration) throws InterruptedException {
        Objects.requireNonNull(duration, "duration");
        return awaitTermination != null && Boolean.TRUE.equals(invoke(awaitTermination, client, duration));
    }

    boolean isTerminated(HttpClient client) {
        return isTerminated != null && Boolean.TRUE.equals(invokeUninterruptibly(isTerminated, client));
    }

    void close(HttpClient client) {
        if (close != null) {
            invokeUninterruptibly(close, client);
        }
    }

    private static @Nullable Method find(Class<?> type, String name, Class<?>... parameterTypes) {
        try {
            return type.getMethod(name, parameterTypes);
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
