package dev.tenax;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link RetryListener} learns when a call that failed stops retrying, and why.
 *
 * <p>Instances are immutable. They never carry header values, query strings or user info.
 */
public interface GiveUpDetails {
    /** The policy's name. */
    String name();

    /** Why the engine stopped. */
    GiveUpReason reason();

    /** How many attempts were made. */
    int attempts();

    /** Time from the first attempt's start to the give-up. */
    Duration elapsed();

    /** The last attempt's exception, or {@code null} when it ended with a response status. */
    @Nullable
    Throwable cause();

    /** The last attempt's response status, if it had one. */
    OptionalInt status();

    /** A short label of the last failure, as {@link RetryDetails#errorType()}. */
    String errorType();

    /** For HTTP, the method and the redacted URI; otherwise {@code null}. */
    @Nullable
    String target();

    /** The wait the server asked for, when a server hint took part in the decision. */
    Optional<Duration> serverWait();
}
