package dev.tenax.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryPolicy;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the two policy builders share their settings by construction (both delegate to one internal spec);
 * this test keeps their public surfaces from drifting apart: every common setting and getter has the same name,
 * parameters and (for getters) type on both.
 */
class BuilderParityTest {
    /** Setters only the core builder has: the rule, which HTTP policies replace with their classification. */
    private static final Set<String> CORE_ONLY_SETTERS = Set.of("on", "onIf", "onDecide");

    /** Setters only the HTTP builder has. */
    private static final Set<String> HTTP_ONLY_SETTERS = Set.of(
            "retryOnStatus",
            "retryIf",
            "retryNonIdempotent",
            "maxRetryAfter",
            "longRetryAfter",
            "attemptHeader",
            "noAttemptHeader");

    /** Methods of the policies that are not settings: running calls, deriving. */
    private static final Set<String> CORE_ONLY_GETTERS = Set.of("call", "run", "invoke", "callAsync", "callAllAsync");

    private static final Set<String> HTTP_ONLY_GETTERS =
            Set.of("retriesStatus", "maxRetryAfter", "longRetryAfter", "retryNonIdempotent", "attemptHeader");

    @Test
    void bothBuildersOfferTheSameCommonSettings() {
        Set<String> core = signatures(RetryPolicy.Builder.class, CORE_ONLY_SETTERS, false);
        Set<String> http = signatures(HttpRetryPolicy.Builder.class, HTTP_ONLY_SETTERS, false);

        assertThat(http).as("HTTP builder").containsExactlyInAnyOrderElementsOf(core);
        assertThat(core)
                .contains("attempts(int)", "unlimitedAttempts()", "allowUnbounded(boolean)", "executor(Executor)");
    }

    @Test
    void bothPoliciesReportTheSameCommonSettingsWithTheSameTypes() {
        Set<String> core = signatures(RetryPolicy.class, CORE_ONLY_GETTERS, true);
        Set<String> http = signatures(HttpRetryPolicy.class, HTTP_ONLY_GETTERS, true);

        assertThat(http).as("HTTP policy").containsExactlyInAnyOrderElementsOf(core);
        assertThat(core).contains("attempts():OptionalInt", "waitInitial():Duration", "timeout():Optional");
    }

    private static Set<String> signatures(Class<?> type, Set<String> excluded, boolean withReturnType) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.isSynthetic() && !excluded.contains(m.getName()))
                .filter(m -> !Set.of("toString", "equals", "hashCode").contains(m.getName()))
                .map(m -> signature(m, withReturnType))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String signature(Method m, boolean withReturnType) {
        String params =
                Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(","));
        return m.getName() + "(" + params + ")"
                + (withReturnType ? ":" + m.getReturnType().getSimpleName() : "");
    }
}
