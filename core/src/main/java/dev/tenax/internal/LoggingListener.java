package dev.tenax.internal;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Logs each scheduled retry at WARNING as {@code tenax.retry_scheduled} with key=value fields, and each give-up
 * after at least one retry at INFO; a policy may choose other levels, and a give-up stack trace ({@link
 * LogSettings}). Every field goes through {@link LogText}, so no value (a policy name, an
 * exception message) can break the line or fake another one; the failure's message is logged sanitised (no user
 * info, query strings or credentials, at most {@value LogText#MAX_MESSAGE} characters), because a class name
 * alone does not tell a refused connection from a reset.
 */
public final class LoggingListener implements RetryListener {
    private final System.Logger log;

    public LoggingListener() {
        this(System.getLogger("dev.tenax"));
    }

    LoggingListener(System.Logger log) {
        this.log = log;
    }

    @Override
    public void onRetryScheduled(RetryDetails details) {
        Level level = details instanceof RetryEvent event ? event.log().retryLevel() : Level.WARNING;
        if (!enabled(level)) {
            return;
        }
        StringBuilder line = new StringBuilder(200).append("tenax.retry_scheduled name=");
        line.append(LogText.value(details.name()));
        target(line, details.target());
        line.append(" retry_number=")
                .append(details.retryNumber())
                .append(" wait_for=")
                .append(seconds(details.waitFor()))
                .append(" waited_so_far=")
                .append(seconds(details.waitedSoFar()))
                .append(" cause=")
                .append(LogText.value(details.errorType()));
        message(line, details.cause());
        log.log(level, line.toString());
    }

    @Override
    public void onGiveUp(GiveUpDetails details) {
        // a first failure that is simply not retryable is the caller's business, not a retry story
        if (details.attempts() < 2 && details.reason() == GiveUpReason.NOT_RETRYABLE) {
            return;
        }
        LogSettings settings = details instanceof GiveUpEvent event ? event.log() : LogSettings.DEFAULT;
        if (!enabled(settings.giveUpLevel())) {
            return;
        }
        StringBuilder line = new StringBuilder(200).append("tenax.gave_up name=");
        line.append(LogText.value(details.name()));
        target(line, details.target());
        line.append(" reason=")
                .append(details.reason())
                .append(" attempts=")
                .append(details.attempts())
                .append(" elapsed=")
                .append(seconds(details.elapsed()))
                .append(" cause=")
                .append(LogText.value(details.errorType()));
        details.serverWait().ifPresent(w -> line.append(" server_wait=").append(seconds(w)));
        message(line, details.cause());
        Throwable cause = details.cause();
        if (settings.giveUpStackTrace() && cause != null) {
            log.log(settings.giveUpLevel(), line.toString(), LoggedFailure.of(cause));
        } else {
            log.log(settings.giveUpLevel(), line.toString());
        }
    }

    /** OFF is the policy saying "no line": a backend asked whether OFF is loggable may well say yes (JUL does). */
    private boolean enabled(Level level) {
        return level != Level.OFF && log.isLoggable(level);
    }

    private static void target(StringBuilder line, @Nullable String target) {
        if (target != null) {
            line.append(" target=").append(LogText.quoted(target));
        }
    }

    private static void message(StringBuilder line, @Nullable Throwable cause) {
        String message = LogText.message(cause);
        if (message != null) {
            line.append(" message=").append(message);
        }
    }

    /** {@code s.mmm} followed by {@code s}; saturated, so no duration can make the listener throw. */
    static String seconds(Duration d) {
        long millis = Math.max(0, Durations.toMillis(d));
        return millis / 1000 + "." + String.format("%03d", millis % 1000) + "s";
    }
}
