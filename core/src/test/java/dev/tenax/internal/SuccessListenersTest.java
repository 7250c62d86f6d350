package dev.tenax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import dev.tenax.SuccessDetails;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether a listener wants success events is decided once per list, by whether its class overrides onSuccess. */
class SuccessListenersTest {
    private static final RetryListener LAMBDA = details -> {};

    private static final RetryListener OVERRIDING = new RetryListener() {
        @Override
        public void onRetryScheduled(RetryDetails details) {}

        @Override
        public void onSuccess(SuccessDetails details) {}
    };

    @Test
    void aLambdaOrADefaultListenerDoesNotWantSuccesses() {
        assertThat(Listeners.overridesOnSuccess(LAMBDA)).isFalse();
        assertThat(Listeners.overridesOnSuccess(new LoggingListener())).isFalse();
        assertThat(Listeners.overridesOnSuccess(new MicrometerListener(new SimpleMeterRegistry())))
                .isFalse();
        assertThat(Listeners.anyOnSuccess(DefaultListeners.create())).isFalse();
    }

    @Test
    void aListenerThatOverridesOnSuccessDoes() {
        assertThat(Listeners.overridesOnSuccess(OVERRIDING)).isTrue();
        assertThat(Listeners.overridesOnSuccess(new BoundMicrometerListener(new SimpleMeterRegistry())))
                .isTrue();
        assertThat(Listeners.anyOnSuccess(List.of(LAMBDA, OVERRIDING))).isTrue();
    }

    @Test
    void thePolicyDecidesWhenItIsBuilt() {
        RetrySpec.Builder quiet = new RetrySpec.Builder();
        quiet.listener(LAMBDA);
        assertThat(quiet.build().listenersOnSuccess).isFalse();
        RetrySpec.Builder listening = new RetrySpec.Builder();
        listening.listener(OVERRIDING);
        assertThat(listening.build().listenersOnSuccess).isTrue();
    }
}
