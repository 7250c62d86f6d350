package dev.tenax;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationTest {

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("attempts 0", b -> b.attempts(0), "attempts must be between 1 and 2147483647 (was 0)"),
                invalid("attempts -1", b -> b.attempts(-1), "attempts must be between 1 and 2147483647 (was -1)"),
                invalid("timeout 0", b -> b.timeout(Duration.ZERO), "timeout must be > 0 (was PT0S)"),
                invalid("timeout < 0", b -> b.timeout(Duration.ofSeconds(-1)), "timeout must be > 0 (was PT-1S)"),
                invalid(
                        "waitInitial < 0",
                        b -> b.waitInitial(Duration.ofMillis(-1)),
                        "waitInitial must be >= 0 (was PT-0.001S)"),
                invalid("waitMax < 0", b -> b.waitMax(Duration.ofMillis(-5)), "waitMax must be >= 0 (was PT-0.005S)"),
                invalid(
                        "waitJitter < 0",
                        b -> b.waitJitter(Duration.ofSeconds(-2)),
                        "waitJitter must be >= 0 (was PT-2S)"),
                invalid(
                        "waitMax < waitInitial",
                        b -> b.waitInitial(Duration.ofSeconds(2)).waitMax(Duration.ofSeconds(1)),
                        "waitMax must be >= waitInitial (PT2S) (was PT1S)"),
                invalid(
                        "waitExpBase < 1",
                        b -> b.waitExpBase(0.5),
                        "waitExpBase must be a finite number >= 1 (was 0.5)"),
                invalid(
                        "waitExpBase NaN",
                        b -> b.waitExpBase(Double.NaN),
                        "waitExpBase must be a finite number >= 1 (was NaN)"),
                invalid(
                        "waitExpBase infinite",
                        b -> b.waitExpBase(Double.POSITIVE_INFINITY),
                        "waitExpBase must be a finite number >= 1 (was Infinity)"),
                invalid("name blank", b -> b.name(" "), "name must not be blank (was \" \")"));
    }

    private static Arguments invalid(String label, UnaryOperator<RetryPolicy.Builder> change, String message) {
        return Arguments.of(label, change, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void buildRejectsAnInvalidSettingNamingFieldValueAndRange(
            String label, UnaryOperator<RetryPolicy.Builder> change, String message) {
        RetryPolicy.Builder builder = change.apply(RetryPolicy.on(IOException.class));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anUnboundedPolicyIsRejectedUnlessAllowed() {
        RetryPolicy.Builder builder =
                RetryPolicy.on(IOException.class).unlimitedAttempts().noTimeout();

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("neither attempts nor timeout is limited")
                .hasMessageContaining("allowUnbounded(true)");
    }

    @Test
    void onNeedsAtLeastOneType() {
        assertThatThrownBy(RetryPolicy::on)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("on(...) needs at least one exception type");
    }

    @Test
    void nullArgumentsAreRejectedAtOnceWithTheirName() {
        assertThatThrownBy(() -> RetryPolicy.on(IOException.class).timeout(nullDuration()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("timeout");
    }

    @Test
    void retryAfterRejectsANegativeWait() {
        assertThatThrownBy(() -> RetryDecision.retryAfter(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryAfter wait must be >= 0 (was PT-0.001S)");
    }

    @Test
    void perRequestBudgetRejectsNegativeLimits() {
        assertThatThrownBy(() -> RetryBudget.perRequest(-1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRetries must be >= 0 (was -1)");
        assertThatThrownBy(() -> RetryBudget.perRequest(1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxTotalWait must be >= 0 (was PT-1S)");
    }

    @Test
    void testingAttemptsMustBePositive() {
        assertThatThrownBy(() -> Tenax.setTesting(true, 0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attempts must be between 1 and 2147483647 (was 0)");
    }

    @SuppressWarnings("NullAway") // deliberately passes null to check the message
    private static Duration nullDuration() {
        return null;
    }
}
