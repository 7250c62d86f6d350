package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Retries on two layers do not multiply (issue 14): the inner call makes one attempt, the outer retries. */
@ResourceLock("dev.tenax.Tenax")
class NestedRetriesTest {
    private final AtomicInteger sends = new AtomicInteger();

    private static RetryPolicy.Builder threeAttempts(String name) {
        return RetryPolicy.on(IOException.class)
                .attempts(3)
                .name(name)
                .waitInitial(Duration.ZERO)
                .waitMax(Duration.ZERO)
                .waitJitter(Duration.ZERO);
    }

    private String send() throws IOException {
        sends.incrementAndGet();
        throw new IOException("connection refused");
    }

    @Test
    void threeAttemptsAroundThreeAttemptsSendThreeTimesNotNine() {
        RetryPolicy client = threeAttempts("client").build();
        RetryPolicy application = threeAttempts("application").build();

        assertThatThrownBy(() -> application.call(() -> client.call(this::send)))
                .isInstanceOf(IOException.class)
                .hasMessage("connection refused");

        assertThat(sends).hasValue(3);
    }

    @Test
    void outsideTheOuterAttemptTheInnerPolicyRetriesAgain() {
        RetryPolicy client = threeAttempts("client").build();
        RetryPolicy application = threeAttempts("application").build();
        assertThatThrownBy(() -> application.call(() -> client.call(this::send)));
        sends.set(0);

        assertThatThrownBy(() -> client.call(this::send)).isInstanceOf(IOException.class);

        assertThat(sends).hasValue(3);
    }

    @Test
    void eitherPolicyMayAllowNestingAndThenTheAttemptsMultiply() {
        RetryPolicy client = threeAttempts("client").build();
        RetryPolicy tolerant =
                threeAttempts("tolerant").allowNestedRetries(true).build();

        assertThatThrownBy(() -> tolerant.call(() -> client.call(this::send)));
        assertThat(sends).hasValue(9);

        sends.set(0);
        RetryPolicy application = threeAttempts("application").build();
        RetryPolicy tolerantClient =
                threeAttempts("tolerant-client").allowNestedRetries(true).build();
        assertThatThrownBy(() -> application.call(() -> tolerantClient.call(this::send)));
        assertThat(sends).hasValue(9);
    }

    @Test
    void anAsyncCallStartedInsideAnAsyncAttemptMakesOneAttemptToo() throws Exception {
        RetryPolicy client = threeAttempts("async-client").build();
        RetryPolicy application = threeAttempts("async-application").build();

        CompletableFuture<String> call = application.callAsync(() -> client.callAsync(() -> {
            sends.incrementAndGet();
            return CompletableFuture.failedFuture(new IOException("connection refused"));
        }));

        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(sends).hasValue(3);
    }

    @Test
    void aBlockingCallInsideAnAsyncRetryMakesOneAttempt() throws Exception {
        RetryPolicy client = threeAttempts("blocking-client").build();
        RetryPolicy application = threeAttempts("async-outer").build();

        CompletableFuture<String> call = application.callAsync(() -> {
            try {
                return CompletableFuture.completedFuture(client.call(this::send));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        });

        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
        assertThat(sends).hasValue(3);
    }

    @Test
    void eachPairOfPoliciesIsWarnedAboutOnce() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger("dev.tenax");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (message != null && message.contains("started inside an attempt")) {
                    warnings.add(java.text.MessageFormat.format(message, record.getParameters()));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Level level = logger.getLevel();
        logger.addHandler(handler);
        boolean parents = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.setLevel(java.util.logging.Level.WARNING); // the test logging config quiets Tenax
        try {
            RetryPolicy client = threeAttempts("warned-client").build();
            RetryPolicy application = threeAttempts("warned-application").build();
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> application.call(() -> client.call(this::send)));
            }
        } finally {
            logger.setLevel(level);
            logger.setUseParentHandlers(parents);
            logger.removeHandler(handler);
        }

        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("\"warned-client\" started inside an attempt of policy \"warned-application\"")
                .contains("allowNestedRetries(true)");
    }

    @Test
    void whenTheInnerCallSucceedsNothingChanges() throws Exception {
        RetryPolicy client = threeAttempts("ok-client").build();
        RetryPolicy application = threeAttempts("ok-application").build();
        AtomicInteger tries = new AtomicInteger();

        String value = application.call(() -> client.call(() -> {
            if (tries.incrementAndGet() < 2) {
                throw new IOException("once");
            }
            return "ok";
        }));

        // the first outer attempt's inner call failed once; the outer retried and the inner succeeded
        assertThat(value).isEqualTo("ok");
        assertThat(tries).hasValue(2);
    }
}
