package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.Tenax;
import dev.tenax.http.HttpRetryPolicy;
import dev.tenax.okhttp.RetryInterceptor;
import dev.tenax.testkit.NoDelayServerSockets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** instrumentation.md's "Levels per policy": a chatty client's retries at DEBUG, through a real socket. */
@ResourceLock("dev.tenax.Tenax")
class LogLevelsGuideTest {
    @Test
    void aChattyClientsRetriesAreLoggedAtDebug() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("dev.tenax");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && record.getMessage().startsWith("tenax.")) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Level before = logger.getLevel();
        logger.addHandler(handler);
        logger.setLevel(java.util.logging.Level.ALL);
        try (MockWebServer server = new MockWebServer();
                Tenax.Handle testing = Tenax.setTesting(true, 3, false)) {
            server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
            server.start();
            server.enqueue(new MockResponse.Builder().code(503).build());
            server.enqueue(new MockResponse.Builder().body("ok").build());

            // region instrumentation-log-levels
            OkHttpClient inventory = RetryInterceptor.install(
                            new OkHttpClient.Builder(),
                            HttpRetryPolicy.builder()
                                    .name("inventory")
                                    .retryLogLevel(System.Logger.Level.DEBUG) // retries: DEBUG, not WARNING
                                    .logGiveUpStackTrace(true) // give-ups: INFO, with the redacted stack trace
                                    .build())
                    .build();
            // endregion

            try (Response response = inventory
                    .newCall(new Request.Builder().url(server.url("/stock")).build())
                    .execute()) {
                assertThat(response.code()).isEqualTo(200);
            }
            inventory.dispatcher().executorService().shutdown();
            inventory.connectionPool().evictAll();
        } finally {
            logger.setLevel(before);
            logger.removeHandler(handler);
        }

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.FINE); // System.Logger's DEBUG
            assertThat(r.getMessage()).startsWith("tenax.retry_scheduled name=inventory");
        });
    }
}
