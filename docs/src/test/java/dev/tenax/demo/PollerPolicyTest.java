package dev.tenax.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryDecision;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollerPolicyTest {
    @Test
    void waitsAsLongAsTheServerAsked() {
        RetryDecision decision = PollerPolicy.decide(new RetryableStatusException(429, Duration.ofSeconds(1)));

        assertThat(decision).isEqualTo(RetryDecision.retryAfter(Duration.ofSeconds(1)));
    }

    @Test
    void backsOffOnRetryableStatusWithoutHint() {
        assertThat(PollerPolicy.decide(new RetryableStatusException(503, null))).isEqualTo(RetryDecision.retry());
    }

    @Test
    void backsOffOnTransportErrors() {
        assertThat(PollerPolicy.decide(new IOException("connection closed"))).isEqualTo(RetryDecision.retry());
        assertThat(PollerPolicy.decide(new ConnectException("refused"))).isEqualTo(RetryDecision.retry());
    }

    @Test
    void stopsOnWhatRetryingCannotFix() {
        assertThat(PollerPolicy.decide(new UnexpectedStatusException(404))).isEqualTo(RetryDecision.stop());
        assertThat(PollerPolicy.decide(new InterruptedIOException())).isEqualTo(RetryDecision.stop());
        assertThat(PollerPolicy.decide(new IllegalStateException())).isEqualTo(RetryDecision.stop());
    }

    @Test
    void readsRetryAfterSecondsAndIgnoresGarbage() {
        assertThat(RetryableStatusException.parseRetryAfter(" 2 ")).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryableStatusException.parseRetryAfter("0")).isEqualTo(Duration.ZERO);
        assertThat(RetryableStatusException.parseRetryAfter("-1")).isNull();
        assertThat(RetryableStatusException.parseRetryAfter("soon")).isNull();
        assertThat(RetryableStatusException.parseRetryAfter(null)).isNull();
    }
}
