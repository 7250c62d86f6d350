package dev.tenax.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The reflective calls of the JDK 21+ shutdown family, exercised on any JDK through a client class that declares
 * the methods itself.
 */
class LifecycleTest {
    private final RecordingHttpClient client = new RecordingHttpClient(HttpClient.newHttpClient());
    private final Lifecycle lifecycle = new Lifecycle(RecordingHttpClient.class);

    @Test
    void eachMethodReachesTheClient() throws Exception {
        lifecycle.shutdown(client);
        lifecycle.shutdownNow(client);
        boolean terminated = lifecycle.awaitTermination(client, Duration.ofSeconds(2));
        boolean isTerminated = lifecycle.isTerminated(client);
        lifecycle.close(client);

        assertThat(terminated).isTrue();
        assertThat(isTerminated).isFalse();
        assertThat(client.calls)
                .containsExactly("shutdown", "shutdownNow", "awaitTermination PT2S", "isTerminated", "close");
    }

    @Test
    void uncheckedFailuresAndInterruptsArriveUnwrapped() {
        IllegalStateException runtime = new IllegalStateException("closing twice");
        client.lifecycleFailure = runtime;
        assertThatThrownBy(() -> lifecycle.shutdown(client)).isSameAs(runtime);

        AssertionError error = new AssertionError("boom");
        client.lifecycleFailure = error;
        assertThatThrownBy(() -> lifecycle.close(client)).isSameAs(error);

        InterruptedException interrupt = new InterruptedException();
        client.lifecycleFailure = interrupt;
        assertThatThrownBy(() -> lifecycle.awaitTermination(client, Duration.ofSeconds(1)))
                .isSameAs(interrupt);
    }

    @Test
    void checkedFailuresAMethodDoesNotDeclareAreUndeclared() {
        IOException checked = new IOException("disk");
        client.lifecycleFailure = checked;
        assertThatThrownBy(() -> lifecycle.shutdownNow(client))
                .isInstanceOf(UndeclaredThrowableException.class)
                .hasCause(checked);

        client.lifecycleFailure = new InterruptedException();
        try {
            assertThatThrownBy(() -> lifecycle.isTerminated(client))
                    .isInstanceOf(UndeclaredThrowableException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            boolean cleared = Thread.interrupted();
            assertThat(cleared).isTrue();
        }
    }
}
