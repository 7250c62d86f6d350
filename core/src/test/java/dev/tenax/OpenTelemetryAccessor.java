package dev.tenax;

import io.micrometer.context.ThreadLocalAccessor;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * OpenTelemetry's current {@link Context} as a context-propagation accessor (none ships with either library):
 * each set makes a context current, each restore closes the latest such scope, so OpenTelemetry's own LIFO rule
 * holds.
 */
final class OpenTelemetryAccessor implements ThreadLocalAccessor<Context> {
    static final String KEY = "otel.context";
    private static final ThreadLocal<Deque<Scope>> SCOPES = ThreadLocal.withInitial(ArrayDeque::new);

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public @Nullable Context getValue() {
        Context current = Context.current();
        return current == Context.root() ? null : current;
    }

    @Override
    @SuppressWarnings("MustBeClosedChecker") // closed by restore, on this thread, in LIFO order
    public void setValue(Context value) {
        SCOPES.get().push(value.makeCurrent());
    }

    @Override
    @SuppressWarnings("MustBeClosedChecker") // closed by restore, on this thread, in LIFO order
    public void setValue() {
        SCOPES.get().push(Context.root().makeCurrent());
    }

    @Override
    public void restore(Context previousValue) {
        closeLatest();
    }

    @Override
    public void restore() {
        closeLatest();
    }

    private static void closeLatest() {
        Scope scope = SCOPES.get().poll();
        if (scope != null) {
            scope.close();
        }
    }
}
