package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DefaultsTest {

    @Test
    void defaultsAreStaminas() {
        RetryPolicy policy = RetryPolicy.on(IOException.class).build();

        assertThat(policy.attempts()).hasValue(10);
        assertThat(policy.timeout()).contains(Duration.ofSeconds(45));
        assertThat(policy.waitInitial()).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.waitMax()).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.waitJitter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.waitExpBase()).isEqualTo(2.0);
        assertThat(policy.name()).isEqualTo("DefaultsTest.defaultsAreStaminas"); // its building site
        assertThat(policy.budget()).isSameAs(RetryBudget.unlimited());
    }

    @Test
    void toBuilderDerivesWithoutChangingTheOriginal() {
        RetryPolicy original =
                RetryPolicy.on(IOException.class).attempts(3).name("a").build();

        RetryPolicy derived = original.toBuilder().attempts(7).noTimeout().build();

        assertThat(original.attempts()).hasValue(3);
        assertThat(original.timeout()).contains(Duration.ofSeconds(45));
        assertThat(derived.attempts()).hasValue(7);
        assertThat(derived.timeout()).isEmpty();
        assertThat(derived.name()).isEqualTo("a");
        assertThat(derived.toString()).contains("attempts=7", "timeout=none", "name=a");
    }

    @Test
    void aBuilderCanBeReusedAfterBuild() {
        RetryPolicy.Builder builder = RetryPolicy.on(IOException.class).attempts(2);
        RetryPolicy first = builder.build();

        RetryPolicy second = builder.attempts(5).build();

        assertThat(first.attempts()).hasValue(2);
        assertThat(second.attempts()).hasValue(5);
    }

    @Test
    void unlimitedAttemptsWithATimeoutIsAllowed() {
        RetryPolicy policy =
                RetryPolicy.on(IOException.class).unlimitedAttempts().build();

        assertThat(policy.attempts()).isEmpty();
        assertThat(policy.timeout()).contains(Duration.ofSeconds(45));
    }

    @Test
    void anUnboundedPolicyMustBeAskedForExplicitly() {
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .unlimitedAttempts()
                .noTimeout()
                .allowUnbounded(true)
                .build();

        assertThat(policy.attempts()).isEmpty();
        assertThat(policy.timeout()).isEmpty();
    }
}
