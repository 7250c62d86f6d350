package dev.tenax.internal;

import java.lang.StackWalker.StackFrame;
import java.util.Optional;
import java.util.Set;

/**
 * The name a policy gets when it is not given one: the class and method that built it ({@code
 * "OrderClient.fetchOrder"}), found once, when {@code build()} runs, so that logs and dashboards tell policies
 * apart without configuration and no call pays for it. Stamina names a retry after the function it decorates;
 * Java has no decorated function, but the building site is as telling and is fixed for the policy's life.
 */
final class CallSiteName {
    /** The frames of Tenax's own building code, between the caller and the walk. */
    private static final Set<String> BUILDING_FRAMES = Set.of(
            CallSiteName.class.getName(),
            RetrySpec.Builder.class.getName(),
            "dev.tenax.RetryPolicy",
            "dev.tenax.RetryPolicy$Builder",
            "dev.tenax.http.HttpRetryPolicy",
            "dev.tenax.http.HttpRetryPolicy$Builder");

    /** Label values stay short and plain: Prometheus, log parsers and JFR all take these characters as they are. */
    private static final int MAX_LENGTH = 100;

    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallSiteName() {}

    /** The caller's {@code Class.method}, or {@code fallback} when no frame outside Tenax's builders is found. */
    static String of(String fallback) {
        Optional<String> site = WALKER.walk(frames -> frames.filter(f -> !BUILDING_FRAMES.contains(f.getClassName()))
                .findFirst()
                .map(CallSiteName::describe));
        return site.orElse(fallback);
    }

    private static String describe(StackFrame frame) {
        String className = frame.getClassName();
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String method = methodName(frame.getMethodName());
        return plain(method.isEmpty() ? simple : simple + '.' + method);
    }

    /** {@code lambda$fetch$0} → {@code fetch}; constructors and static initialisers add nothing to the class. */
    static String methodName(String method) {
        if (method.startsWith("lambda$")) {
            int end = method.indexOf('$', "lambda$".length());
            return end < 0 ? "" : method.substring("lambda$".length(), end);
        }
        return method.startsWith("<") ? "" : method;
    }

    /** Keeps letters, digits and {@code . _ $ -}; anything else (a Kotlin back-quoted name's spaces) becomes '_'. */
    static String plain(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
        for (int i = 0; i < name.length() && out.length() < MAX_LENGTH; i++) {
            char c = name.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '$'
                    || c == '-';
            out.append(kept ? c : '_');
        }
        return out.toString();
    }
}
