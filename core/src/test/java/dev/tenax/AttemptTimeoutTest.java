package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** {@code attemptTimeout}: validated like every setting; {@code callAsync} ends an attempt that overruns it. */
class AttemptTimeoutTest {

    @Test
    void aZeroOrNegativeAttemptTimeoutIsRefusedWithItsName() {
        assertThatThrownBy(() -> RetryPolicy.on(Exception.class)
                        .attemptTimeout(Duration.ZERO)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attemptTimeout must be > 0 (was PT0S)");
        assertThatThrownBy(() -> RetryPolicy.on(Exception.class)
                        .attemptTimeout(Duration.ofSeconds(-1))
                        .build())
                .hasMessageContaining("attemptTimeout must be > 0 (was PT-1S)");
    }

    @Test
    void itIsReportedAsGivenAndCanBeRemoved() {
        RetryPolicy policy = RetryPolicy.on(Exception.class)
                .attemptTimeout(Duration.ofDays(400))
                .build();

        assertThat(policy.attemptTimeout()).contains(Duration.ofDays(400));
        assertThat(policy.toBuilder().noAttemptTimeout().build().attemptTimeout())
                .isEmpty();
        assertThat(RetryPolicy.on(Exception.class).build().attemptTimeout()).isEmpty();
    }

    @Test
    void anAsyncAttemptThatOverrunsItIsCancelledAndRetriedWhenTheRulesNameTimeouts() throws Exception {
        List<CompletableFuture<String>> stages = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.on(TimeoutException.class)
                .attemptTimeout(Duration.ofMillis(1))
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .build();

        String value = policy.callAsync(() -> {
                    CompletableFuture<String> stage =
                            stages.isEmpty() ? new CompletableFuture<>() : CompletableFuture.completedFuture("second");
                    stages.add(stage);
                    return stage;
                })
                .get(30, TimeUnit.SECONDS);

        assertThat(value).isEqualTo("second");
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).isCancelled(); // the operation is told to stop its work
    }

    @Test
    void aTimeoutTheRulesDoNotNameEndsTheCallWithTheTimeoutException() {
        RetryPolicy policy = RetryPolicy.on(java.io.IOException.class)
                .attemptTimeout(Duration.ofMillis(1))
                .build();

        CompletableFuture<Object> result = policy.callAsync(CompletableFuture::new);

        assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("attempt 1 took longer than PT0.001S");
    }

    @Test
    void anAttemptThatEndsInTimeIsNotTouched() throws Exception {
        RetryPolicy policy = RetryPolicy.on(TimeoutException.class)
                .attemptTimeout(Duration.ofHours(1))
                .build();
        CompletableFuture<String> slow = new CompletableFuture<>();

        CompletableFuture<String> result = policy.callAsync(() -> (CompletionStage<String>) slow);
        slow.complete("in time");

        assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("in time");
        assertThat(slow).isNotCancelled();
    }
}
