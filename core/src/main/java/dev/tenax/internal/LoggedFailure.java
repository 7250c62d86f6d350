package dev.tenax.internal;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A copy of a failure, its causes and its suppressed failures, for a give-up line that logs the stack trace
 * ({@code logGiveUpStackTrace(true)}): the frames are the original's, every message is redacted and escaped as
 * the line's own message field is. A stack trace is where query strings, user info and tokens in exception
 * messages would otherwise reach the log, so the copy keeps SECURITY.md's promise with the trace on too.
 *
 * <p>{@link #toString()} reads as the original's ({@code java.io.IOException: Connection reset}), which is what
 * {@code printStackTrace} and {@code System.Logger}'s JUL backend print; a backend that prints the class name
 * itself (Logback, Log4j 2) shows {@code LoggedFailure: java.io.IOException: ...}.
 */
final class LoggedFailure extends Throwable {
    private static final long serialVersionUID = 1L;

    /** Deep enough for any real chain; a cycle or a pathological chain stops here. */
    private static final int MAX_DEPTH = 32;

    /** Of each failure's suppressed ones: the engine attaches at most a bounded chain of earlier attempts. */
    private static final int MAX_SUPPRESSED = 16;

    private LoggedFailure(String text) {
        super(text); // leaves the cause unset, so that initCause may set it
    }

    /** The sanitised copy of {@code failure}; never throws, whatever the failure's own methods do. */
    static Throwable of(Throwable failure) {
        return copy(failure, new IdentityHashMap<>(), 0);
    }

    private static LoggedFailure copy(Throwable original, Map<Throwable, LoggedFailure> seen, int depth) {
        LoggedFailure known = seen.get(original);
        if (known != null) {
            return known;
        }
        LoggedFailure copy = new LoggedFailure(headline(original));
        seen.put(original, copy);
        try {
            copy.setStackTrace(original.getStackTrace());
            if (depth < MAX_DEPTH) {
                Throwable cause = original.getCause();
                if (cause != null && cause != original) {
                    copy.initCause(copy(cause, seen, depth + 1));
                }
                Throwable[] suppressed = original.getSuppressed();
                for (int i = 0; i < Math.min(suppressed.length, MAX_SUPPRESSED); i++) {
                    if (suppressed[i] != original) {
                        copy.addSuppressed(copy(suppressed[i], seen, depth + 1));
                    }
                }
            }
        } catch (Exception | StackOverflowError hostile) {
            // a failure whose getters throw (sneakily, or by recursing): keep what was copied; the give-up line
            // must still be written
        }
        return copy;
    }

    private static String headline(Throwable original) {
        String message;
        try {
            message = original.getMessage();
        } catch (Exception | StackOverflowError hostile) {
            message = null;
        }
        String type = LogText.escape(original.getClass().getName(), LogText.MAX_MESSAGE);
        return message == null ? type : type + ": " + LogText.escape(LogText.redact(message), LogText.MAX_MESSAGE);
    }

    @Override
    @SuppressWarnings("OverrideThrowableToString") // on purpose: the trace's first line reads as the original's
    public String toString() {
        String text = getMessage();
        return text == null ? getClass().getName() : text;
    }
}
