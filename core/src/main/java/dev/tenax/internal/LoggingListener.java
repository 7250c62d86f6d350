package dev.tenax.internal;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Logs each scheduled retry at WARNING as {@code tenax.retry_scheduled} with key=value fields, and each give-up
 * after at least one retry at INFO. Only the exception's class is logged: messages can carry secrets.
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
        if (!log.isLoggable(Level.WARNING)) {
            return;
        }
        StringBuilder line =
                new StringBuilder(160).append("tenax.retry_scheduled name=").append(details.name());
        if (details.target() != null) {
            line.append(" target=\"").append(details.target()).append('"');
        }
        line.append(" retry_number=")
                .append(details.retryNumber())
                .append(" wait_for=")
                .append(seconds(details.waitFor()))
                .append(" waited_so_far=")
                .append(seconds(details.waitedSoFar()))
                .append(" cause=")
                .append(details.errorType());
        log.log(Level.WARNING, line.toString());
    }

    @Override
    public void onGiveUp(GiveUpDetails details) {
        // a first failure that is simply not retryable is the caller's business, not a retry story
        if (details.attempts() < 2 && details.reason() == GiveUpReason.NOT_RETRYABLE) {
            return;
        }
        if (!log.isLoggable(Level.INFO)) {
            return;
        }
        StringBuilder line =
                new StringBuilder(160).append("tenax.gave_up name=").append(details.name());
        if (details.target() != null) {
            line.append(" target=\"").append(details.target()).append('"');
        }
        line.append(" reason=")
                .append(details.reason())
                .append(" attempts=")
                .append(details.attempts())
                .append(" elapsed=")
                .append(seconds(details.elapsed()))
                .append(" cause=")
                .append(details.errorType());
        details.serverWait().ifPresent(w -> line.append(" server_wait=").append(seconds(w)));
        log.log(Level.INFO, line.toString());
    }

    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis / 1000 + "." + String.format("%03d", millis % 1000) + "s";
    }
}
