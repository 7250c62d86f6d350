package dev.tenax.jdk;

import dev.tenax.http.spi.FailureClassifier;
import dev.tenax.http.spi.TransportFailureKind;
import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The one JDK failure the core's rules cannot recognise: the client was shut down (JDK 21+), after which every
 * exchange fails with a plain {@code IOException("closed")} that would otherwise look transient.
 */
final class JdkFailures implements FailureClassifier {
    private final HttpClient client;
    private final AtomicBoolean shutDown;

    JdkFailures(HttpClient client, AtomicBoolean shutDown) {
        this.client = client;
        this.shutDown = shutDown;
    }

    @Override
    public @Nullable TransportFailureKind classify(Throwable failure) {
        if (shutDown.get() || Lifecycle.JDK.isTerminated(client)) {
            return TransportFailureKind.PERMANENT;
        }
        return null;
    }
}
