package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.RetryPolicy;
import dev.tenax.Tenax;
import dev.tenax.testing.TenaxTesting;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

// region testing-annotation
@TenaxTesting(attempts = 2) // every test here: exactly 2 attempts per call, no waits
class TenaxTestingExampleTest {
    private final RetryPolicy policy = RetryPolicy.on(IOException.class).build();
    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void retriesOnceThenReportsTheOutage() {
        assertThatThrownBy(() -> policy.call(() -> {
                    calls.incrementAndGet();
                    throw new IOException("down");
                }))
                .hasMessage("down");
        assertThat(calls).hasValue(2);
    }

    @Test
    @TenaxTesting // the method's annotation wins: 1 attempt
    void failsAtOnce() {
        assertThatThrownBy(() -> policy.call(() -> {
                    calls.incrementAndGet();
                    throw new IOException("down");
                }))
                .hasMessage("down");
        assertThat(calls).hasValue(1);
        assertThat(Tenax.isTesting()).isTrue();
    }
}
// endregion
