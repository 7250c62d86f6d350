package dev.tenax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Issue 16: each policy chooses the levels of its default log lines, and may log a sanitised stack trace. */
@ResourceLock("dev.tenax.Tenax")
class PolicyLoggingTest {
    private static final String SECRET_URL = "https://alice:s3cret@api.example.com/orders?token=abc123";

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("dev.tenax");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (message != null && message.startsWith("tenax.")) {
                records.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private java.util.logging.@Nullable Level level;
    private boolean parents;

    @BeforeEach
    void capture() {
        level = logger.getLevel();
        parents = logger.getUseParentHandlers();
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        logger.setLevel(java.util.logging.Level.ALL); // the test logging config quiets Tenax
    }

    @AfterEach
    void restore() {
        logger.setLevel(level);
        logger.setUseParentHandlers(parents);
        logger.removeHandler(handler);
    }

    private static RetryPolicy.Builder threeAttempts() {
        return RetryPolicy.on(IOException.class)
                .attempts(3)
                .waitInitial(Duration.ZERO)
                .waitJitter(Duration.ZERO)
                .name("logged");
    }

    private static void failEveryTime(RetryPolicy policy) {
        int[] attempt = {0};
        assertThatThrownBy(() -> policy.call(() -> {
                    throw new IOException(
                            "attempt " + ++attempt[0] + " to " + SECRET_URL,
                            new IllegalStateException("root cause password=hunter2"));
                }))
                .isInstanceOf(IOException.class);
    }

    private List<java.util.logging.Level> levels() {
        return records.stream().map(LogRecord::getLevel).toList();
    }

    @Test
    void byDefaultRetriesAreWarningsAndTheGiveUpIsInfo() {
        failEveryTime(threeAttempts().build());

        assertThat(levels())
                .containsExactly(
                        java.util.logging.Level.WARNING, java.util.logging.Level.WARNING, java.util.logging.Level.INFO);
        assertThat(records).allSatisfy(r -> assertThat(r.getThrown()).isNull());
    }

    @Test
    void aChattyClientLogsItsRetriesAtDebug() {
        failEveryTime(threeAttempts()
                .retryLogLevel(Level.DEBUG)
                .giveUpLogLevel(Level.WARNING)
                .build());

        assertThat(levels())
                .containsExactly(
                        java.util.logging.Level.FINE, java.util.logging.Level.FINE, java.util.logging.Level.WARNING);
    }

    @Test
    void offWritesNoLineEvenWhenTheBackendWouldTakeIt() {
        failEveryTime(threeAttempts()
                .retryLogLevel(Level.OFF)
                .giveUpLogLevel(Level.OFF)
                .build());

        assertThat(records).isEmpty();
    }

    @Test
    void aLevelTheBackendDisablesWritesNoLine() {
        logger.setLevel(java.util.logging.Level.INFO);

        failEveryTime(threeAttempts().retryLogLevel(Level.DEBUG).build());

        assertThat(levels()).containsExactly(java.util.logging.Level.INFO);
    }

    @Test
    void theGiveUpStackTraceIsTheFailuresWithEveryMessageRedacted() {
        failEveryTime(threeAttempts().logGiveUpStackTrace(true).build());

        LogRecord giveUp = records.get(records.size() - 1);
        assertThat(giveUp.getMessage()).startsWith("tenax.gave_up");
        Throwable logged = java.util.Objects.requireNonNull(giveUp.getThrown());
        assertThat(logged.toString())
                .startsWith("java.io.IOException: attempt 3 to https://api.example.com/orders")
                .doesNotContain("s3cret", "alice", "abc123");
        assertThat(logged.getStackTrace()).isNotEmpty();
        assertThat(logged.getStackTrace()[0].getClassName()).startsWith(PolicyLoggingTest.class.getName());
        Throwable cause = java.util.Objects.requireNonNull(logged.getCause());
        assertThat(cause.toString())
                .startsWith("java.lang.IllegalStateException: root cause")
                .doesNotContain("hunter2");
        // the retry lines stay one line each, as always
        assertThat(records.subList(0, 2))
                .allSatisfy(r -> assertThat(r.getThrown()).isNull());
    }

    /** A failure whose message cannot be read, directly or through its cause (adversary report, D1). */
    static final class UnreadableMessage extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableMessage(@Nullable Throwable cause) {
            super(cause);
        }

        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage is broken");
        }
    }

    @Test
    void aFailureWhoseMessageCannotBeReadIsStillLoggedWithoutOne() {
        RetryPolicy policy = threeAttempts().logGiveUpStackTrace(true).build();

        assertThatThrownBy(() -> policy.call(() -> {
                    throw new UnreadableMessage(null);
                }))
                .isInstanceOf(UnreadableMessage.class);
        assertThatThrownBy(() -> policy.call(() -> {
                    throw new IOException("outer", new UnreadableMessage(null));
                }))
                .isInstanceOf(IOException.class);

        assertThat(records).hasSize(6);
        assertThat(records.get(0).getMessage())
                .startsWith("tenax.retry_scheduled")
                .doesNotContain("message=");
        assertThat(records.get(2).getMessage()).startsWith("tenax.gave_up");
        assertThat(records.get(2).getThrown()).isNotNull();
        assertThat(records.get(5).getMessage()).startsWith("tenax.gave_up");
    }

    @Test
    void theSettingsAreCopiedByToBuilder() {
        RetryPolicy quiet = threeAttempts().retryLogLevel(Level.OFF).build();

        failEveryTime(quiet.toBuilder().attempts(2).build());

        assertThat(levels()).containsExactly(java.util.logging.Level.INFO);
    }

    @Test
    @SuppressWarnings("NullAway") // the point: a null where none is allowed
    void aNullLevelIsRefusedByName() {
        assertThatThrownBy(() -> RetryPolicy.on(IOException.class).retryLogLevel(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("retryLogLevel");
        assertThatThrownBy(() -> RetryPolicy.on(IOException.class).giveUpLogLevel(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("giveUpLogLevel");
    }
}
