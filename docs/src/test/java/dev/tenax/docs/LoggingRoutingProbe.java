package dev.tenax.docs;

import dev.tenax.RetryPolicy;
import dev.tenax.Tenax;
import java.io.IOException;

/**
 * Started by {@link LoggingRoutingTest} in a JVM of its own whose class path holds a {@code System.LoggerFinder}
 * (SLF4J's or Log4j's): one call that is retried once and then gives up, with the give-up's stack trace on, so
 * that both of Tenax's log lines and the trace go through that backend.
 */
public final class LoggingRoutingProbe {
    private LoggingRoutingProbe() {}

    public static void main(String[] args) {
        try (Tenax.Handle testing = Tenax.setTesting(true, 2, false)) {
            RetryPolicy.on(IOException.class)
                    .name("routed")
                    .logGiveUpStackTrace(true)
                    .build()
                    .call(() -> {
                        throw new IOException("GET https://alice:s3cret@api.example.com/orders?token=abc failed");
                    });
        } catch (IOException expected) {
            System.out.println("probe gave up with " + expected.getClass().getName());
        }
    }
}
