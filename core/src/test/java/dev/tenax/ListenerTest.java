package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenax.internal.FakeTiming;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock("dev.tenax.Tenax")
class ListenerTest {
    private final FakeTiming timing = new FakeTiming(11);

    @Test
    void aScopeIsClosedExactlyOnceRightBeforeTheNextAttempt() throws IOException {
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .timing(timing)
                .listener(new ScopeRecorder(order))
                .build();

        policy.call(() -> {
            order.add("attempt " + calls.incrementAndGet());
            if (calls.get() < 3) {
                throw new IOException("again");
            }
            return "done";
        });

        assertThat(order)
                .containsExactly("attempt 1", "open 1", "close 1", "attempt 2", "open 2", "close 2", "attempt 3");
    }

    @Test
    void scopesOfSeveralListenersCloseInReverseOrder() throws IOException {
        List<String> order = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .timing(timing)
                .listener(scoped("a", order))
                .listener(scoped("b", order))
                .build();

        policy.call(Attempts.failingTimes(1)::call);

        assertThat(order).containsExactly("open a", "open b", "close b", "close a");
    }

    @Test
    void aThrowingListenerNeverBreaksTheCall() throws IOException {
        List<RetryDetails> seenByOthers = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .timing(timing)
                .listener(details -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(new RetryListener() {
                    @Override
                    public void onRetryScheduled(RetryDetails details) {}

                    @Override
                    public RetryScope openScope(RetryDetails details) {
                        return () -> {
                            throw new IllegalStateException("scope bug");
                        };
                    }

                    @Override
                    public void onGiveUp(GiveUpDetails details) {
                        throw new IllegalStateException("give-up bug");
                    }
                })
                .listener(seenByOthers::add)
                .build();

        String result = policy.call(Attempts.failingTimes(2)::call);

        assertThat(result).isEqualTo("ok after 3");
        assertThat(seenByOthers).hasSize(2);
        assertThatThrownBy(() -> policy.call(() -> {
                    throw new IOException("final");
                }))
                .hasMessage("final");
    }

    @Test
    void globalListenersAreNotifiedBesideThePolicysOwn() throws IOException {
        List<RetryDetails> global = new CopyOnWriteArrayList<>();
        List<RetryDetails> own = new CopyOnWriteArrayList<>();
        RetryPolicy policy = RetryPolicy.on(IOException.class)
                .timing(timing)
                .listener(own::add)
                .build();
        List<RetryListener> previous = Tenax.listeners();
        try {
            Tenax.setListeners(List.of(global::add));
            policy.call(Attempts.failingTimes(1)::call);
        } finally {
            Tenax.setListeners(previous);
        }

        assertThat(global).hasSize(1);
        assertThat(own).hasSize(1);
    }

    @Test
    void nullRestoresTheDefaultListeners() {
        Tenax.setListeners(List.of());
        assertThat(Tenax.listeners()).isEmpty();

        Tenax.setListeners(null);

        assertThat(Tenax.listeners())
                .extracting(l -> l.getClass().getSimpleName())
                .containsExactly("LoggingListener", "JfrListener", "MicrometerListener");
    }

    private static RetryListener scoped(String name, List<String> order) {
        return new RetryListener() {
            @Override
            public void onRetryScheduled(RetryDetails details) {}

            @Override
            public RetryScope openScope(RetryDetails details) {
                order.add("open " + name);
                return () -> order.add("close " + name);
            }
        };
    }
}
