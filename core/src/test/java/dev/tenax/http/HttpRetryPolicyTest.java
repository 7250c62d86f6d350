package dev.tenax.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryBudget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpRetryPolicyTest {

    @Test
    void defaultsFollowTheDesign() {
        HttpRetryPolicy policy = HttpRetryPolicy.defaults();

        assertThat(policy.attempts()).hasValue(10);
        assertThat(policy.timeout()).contains(Duration.ofSeconds(45));
        assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(45));
        assertThat(policy.longRetryAfter()).isEqualTo(LongRetryAfter.GIVE_UP);
        assertThat(policy.retryNonIdempotent()).isFalse();
        assertThat(policy.name()).isEqualTo("http");
        assertThat(policy.budget().toString()).isEqualTo("RetryBudget.tokenBucket(5, 0.2)");
        for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
            assertThat(policy.retriesStatus(status)).as("status %d", status).isTrue();
        }
        for (int status : new int[] {200, 400, 401, 404, 409, 501, 505}) {
            assertThat(policy.retriesStatus(status)).as("status %d", status).isFalse();
        }
    }

    @Test
    void defaultsEqualsAFreshBuildOfTheSameName() {
        // a fresh build is named after its building site; the shared defaults keep the fixed name "http"
        assertThat(HttpRetryPolicy.builder().name("http").build().toString())
                .isEqualTo(HttpRetryPolicy.defaults().toString());
    }

    @Test
    void allDefaultPoliciesShareOnePerHostBudget() {
        assertThat(HttpRetryPolicy.builder().build().budget())
                .isSameAs(HttpRetryPolicy.defaults().budget());
        assertThat(HttpRetryPolicy.builder()
                        .budget(RetryBudget.unlimited())
                        .build()
                        .budget())
                .isSameAs(RetryBudget.unlimited());
    }

    @Test
    void toBuilderKeepsEverySetting() {
        HttpRetryPolicy original = HttpRetryPolicy.builder()
                .attempts(4)
                .retryOnStatus(503)
                .retryNonIdempotent(true)
                .maxRetryAfter(Duration.ofSeconds(7))
                .longRetryAfter(LongRetryAfter.CLAMP)
                .name("orders")
                .build();

        HttpRetryPolicy copy = original.toBuilder().build();

        assertThat(copy.toString()).isEqualTo(original.toString());
        assertThat(copy.retriesStatus(503)).isTrue();
        assertThat(copy.retriesStatus(502)).isFalse();
    }

    @Test
    void invalidStatusesAreRejectedWithTheRange() {
        assertThatThrownBy(
                        () -> HttpRetryPolicy.builder().retryOnStatus(503, 42).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryOnStatus values must be between 100 and 599 (was 42)");
        assertThatThrownBy(() -> HttpRetryPolicy.builder().retryOnStatus(600).build())
                .hasMessage("retryOnStatus values must be between 100 and 599 (was 600)");
    }

    @Test
    void anAttemptHeaderMustBeAFieldNameAndIsKeptByToBuilder() {
        assertThatThrownBy(() -> HttpRetryPolicy.builder().attemptHeader("X Attempt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attemptHeader must be a non-empty HTTP field name")
                .hasMessageContaining("was \"X Attempt\"");
        assertThatThrownBy(() -> HttpRetryPolicy.builder().attemptHeader("")).hasMessageContaining("was \"\"");
        // fields the clients set themselves: the JDK client refuses Host and the like, and would fail the re-send
        for (String reserved : new String[] {"Host", "content-length", "Connection", "Expect", "Upgrade", "TE"}) {
            assertThatThrownBy(() -> HttpRetryPolicy.builder().attemptHeader(reserved))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("attemptHeader must not be a field that the clients manage")
                    .hasMessageContaining("was \"" + reserved + "\"");
        }
        assertThatThrownBy(() -> HttpRetryPolicy.builder().attemptHeader("X-Attempt:1"))
                .isInstanceOf(IllegalArgumentException.class);

        HttpRetryPolicy policy =
                HttpRetryPolicy.builder().attemptHeader("X-Attempt").build();

        assertThat(policy.attemptHeader()).contains("X-Attempt");
        assertThat(policy.toBuilder().build().attemptHeader()).contains("X-Attempt");
        assertThat(policy.toBuilder().noAttemptHeader().build().attemptHeader()).isEmpty();
        assertThat(HttpRetryPolicy.defaults().attemptHeader()).isEmpty();
        assertThat(policy.toString()).contains("attemptHeader=X-Attempt");
    }

    @Test
    void negativeMaxRetryAfterIsRejected() {
        assertThatThrownBy(() -> HttpRetryPolicy.builder()
                        .maxRetryAfter(Duration.ofSeconds(-1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRetryAfter must be >= 0 (was PT-1S)");
    }

    @Test
    void sharedSettingsAreValidatedLikeTheCorePolicy() {
        assertThatThrownBy(() -> HttpRetryPolicy.builder().attempts(0).build())
                .hasMessageContaining("attempts must be between 1 and 2147483647 (was 0)");
        assertThatThrownBy(() -> HttpRetryPolicy.builder().waitExpBase(0).build())
                .hasMessageContaining("waitExpBase must be a finite number >= 1 (was 0.0)");
    }

    @Test
    void ratioBudgetValidation() {
        assertThatThrownBy(() -> RetryBudget.ratio(1.5, 10, Duration.ofSeconds(10)))
                .hasMessage("percent must be between 0 and 1 (was 1.5)");
        assertThatThrownBy(() -> RetryBudget.ratio(0.2, -1, Duration.ofSeconds(10)))
                .hasMessage("minPerSecond must be >= 0 (was -1)");
        assertThatThrownBy(() -> RetryBudget.ratio(0.2, 10, Duration.ZERO))
                .hasMessage("window must be between PT0.001S and PT1H (was PT0S)");
    }
}
