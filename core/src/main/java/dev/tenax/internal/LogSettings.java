package dev.tenax.internal;

import java.lang.System.Logger.Level;

/**
 * How the default log listener writes one policy's lines: the level of a retry line and of a give-up line, and
 * whether a give-up line carries the failure's (sanitised) stack trace. Carried on each event, so that the one
 * JVM-wide listener can honour each policy's own choice.
 */
record LogSettings(Level retryLevel, Level giveUpLevel, boolean giveUpStackTrace) {
    /** WARNING for retries, INFO for give-ups, no stack trace. */
    static final LogSettings DEFAULT = new LogSettings(Level.WARNING, Level.INFO, false);
}
