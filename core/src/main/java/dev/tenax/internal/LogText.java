package dev.tenax.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Makes text safe for one {@code key=value} log line, whoever wrote it (a policy name, an exception message, a
 * server's error text).
 *
 * <ul>
 *   <li><b>One line, no forgery.</b> Control characters ({@code \n}, {@code \r}, {@code \t}, the rest of C0 and
 *       C1, DEL), the Unicode line and paragraph separators and invisible format characters (bidirectional
 *       overrides among them) are escaped as {@code \n}, {@code \r}, {@code \t} or a backslash, {@code u} and four
 *       hex digits; a backslash is doubled. A value with a space, {@code =} or {@code "} is quoted, with {@code "} escaped, so no
 *       value can end its field and start another.
 *   <li><b>No secrets.</b> In messages, URLs lose their user info, query and fragment (as request targets do);
 *       so do {@code user:password@host} without a scheme and a path's query string; the value after a sensitive name ({@code Authorization},
 *       {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, {@code X-Api-Key}, {@code Api-Key},
 *       {@code X-Auth-Token}, and any name ending in token, secret, password, credential(s), session id, access
 *       or private key, signature or auth) becomes {@code [redacted]}, in header form ({@code Name: value}, up to
 *       the end of the line) and parameter form ({@code name=value}, one token); a bare {@code Bearer} or
 *       {@code Basic} credential too.
 *   <li><b>Short.</b> A message is cut at {@value #MAX_MESSAGE} characters (after escaping) with {@code ...};
 *       only its first {@value #MAX_RAW} characters are read.
 * </ul>
 *
 * <p>A failure's message is its own, followed by its root cause's class and message when the exception wraps
 * another one whose message it does not already contain ({@code "Failed to connect to host/10.0.0.1:443 (caused
 * by java.net.ConnectException: Connection refused)"}): the root is what tells a refused connection from a
 * reset. The root's part keeps up to {@value #MAX_ROOT} characters, so a long outer message cannot crowd it out.
 */
final class LogText {
    /** The longest message field, in characters after escaping, before the ellipsis. */
    static final int MAX_MESSAGE = 200;

    /** The most of {@link #MAX_MESSAGE} that the root cause's part may keep. */
    static final int MAX_ROOT = 80;

    /**
     * How much of a raw message is read at all: a server's whole error page in a message must not cost a
     * regular-expression pass over megabytes, and what redaction keeps of this much is still longer than
     * {@link #MAX_MESSAGE}.
     */
    static final int MAX_RAW = 1_000;

    private static final String REDACTED = "[redacted]";
    private static final String ELLIPSIS = "...";
    private static final int MAX_CAUSE_DEPTH = 32;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** scheme://[userinfo@]authority[path][?query][#fragment]; the last '@' before the path ends the user info. */
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b([a-z][a-z0-9+.-]*://)(?:[^\\s/?#\"'<>]*@)?([^\\s/?#\"'<>]*)([^\\s?#\"'<>]*)(?:[?#][^\\s\"'<>]*)?");

    /**
     * scheme://user:password@ where the password holds {@code / ? #} unencoded (a credential pasted into a URL):
     * {@link #URL} would read {@code user:pa} as the authority. Everything from the scheme to the last
     * {@code @} of the token that follows a {@code user:} goes; a URL with an {@code @} later in its path loses
     * its host too, which errs on the safe side.
     */
    private static final Pattern RAW_USER_INFO =
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/?#@\"'<>]*:[^\\s\"'<>]*@");

    /** user:password@host without a scheme ("connect to alice:s3cret@proxy:8080"): the user info goes. */
    private static final Pattern USER_INFO =
            Pattern.compile("(^|[\\s\"'(\\[<=])[^\\s/@:\"'<>]+:[^\\s/@\"'<>]*@(?=[\\w\\[])");

    /** A path that stands alone ("GET /users?token=..."): its query or fragment goes. */
    private static final Pattern PATH_QUERY = Pattern.compile("(^|[\\s\"'(\\[=])(/[^\\s?#\"'<>]*)[?#][^\\s\"'<>]*");

    private static final String SENSITIVE_NAME = "(?:proxy-)?authorization|(?:set-)?cookie|x-api-key|api[-_]?key"
            + "|x-auth-token|[\\w.-]*(?:token|secret|passw(?:or)?d|pwd|credentials?|session[-_]?id"
            + "|access[-_]?key|private[-_]?key|signature|auth)";

    /**
     * A sensitive name, then {@code :} (header form: the value runs to the end of the line) or {@code =}
     * (parameter form: one token, or an auth scheme and its token); a quoted value in either form.
     */
    private static final Pattern SENSITIVE = Pattern.compile("(?i)(?<![\\w.-])(" + SENSITIVE_NAME + ")([\"']?\\s*)"
            + "(?::\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\r\\n]*)"
            + "|=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|(?:(?:bearer|basic|digest|negotiate|token)\\s+)?"
            + "[^\\s&;,\"'<>)\\]}]+))");

    private static final Pattern BARE_CREDENTIAL = Pattern.compile("(?i)\\b(bearer|basic)\\s+[a-z0-9._~+/=-]{8,}");

    private LogText() {}

    /** {@code raw} as one field's value: escaped, and quoted when it is empty or has a space, '=' or '"'. */
    static String value(String raw) {
        boolean quote = raw.isEmpty();
        for (int i = 0; i < raw.length() && !quote; i++) {
            char c = raw.charAt(i);
            quote = c == ' ' || c == '=' || c == '"';
        }
        return quote ? quoted(raw) : escape(raw, Integer.MAX_VALUE);
    }

    /** {@code raw} escaped and in double quotes. */
    static String quoted(String raw) {
        return '"' + escape(raw, Integer.MAX_VALUE) + '"';
    }

    /**
     * The failure's message (and its root cause's), sanitised, escaped, cut to {@link #MAX_MESSAGE} and quoted;
     * {@code null} when neither has a message.
     */
    static @Nullable String message(@Nullable Throwable failure) {
        if (failure == null) {
            return null;
        }
        try {
            return readMessage(failure);
        } catch (Exception | StackOverflowError hostile) {
            // a failure whose getMessage or getCause throws (or recurses): the line goes out without a message,
            // rather than not at all
            return null;
        }
    }

    private static @Nullable String readMessage(Throwable failure) {
        String own = failure.getMessage();
        String rootPart = rootPart(failure, own);
        if (own == null) {
            return rootPart == null ? null : '"' + escape(redact(rootPart), MAX_MESSAGE) + '"';
        }
        if (rootPart == null) {
            return '"' + escape(redact(own), MAX_MESSAGE) + '"';
        }
        String cause = " (caused by " + escape(redact(rootPart), MAX_ROOT) + ")";
        return '"' + escape(redact(own), MAX_MESSAGE - cause.length()) + cause + '"';
    }

    /** "RootClass: root message" when the root cause differs and its message adds something, else null. */
    private static @Nullable String rootPart(Throwable failure, @Nullable String own) {
        Throwable root = root(failure);
        String rootMessage = root.getMessage();
        if (root == failure || rootMessage == null || (own != null && own.contains(rootMessage))) {
            return null;
        }
        return root.getClass().getName() + ": " + rootMessage;
    }

    /** {@code text} without user info, query strings, fragments and the values of sensitive names. */
    static String redact(String text) {
        String s = RAW_USER_INFO
                .matcher(text.length() > MAX_RAW ? text.substring(0, MAX_RAW) : text)
                .replaceAll("$1");
        s = URL.matcher(s).replaceAll("$1$2$3");
        s = USER_INFO.matcher(s).replaceAll("$1");
        s = PATH_QUERY.matcher(s).replaceAll("$1$2");
        Matcher m = SENSITIVE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String separator = m.group(3) != null ? ":" : "=";
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            // keep the spacing of "Name: value", drop the value
            String gap = value.isEmpty() ? "" : " ";
            String replacement = m.group(1) + m.group(2) + separator + (separator.equals(":") ? gap : "") + REDACTED;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return BARE_CREDENTIAL.matcher(out).replaceAll("$1 " + REDACTED);
    }

    /**
     * {@code raw} with every character that could break or fake a log line escaped; cut with an ellipsis once
     * the output passes {@code max} characters (never inside an escape or a surrogate pair).
     */
    static String escape(String raw, int max) {
        StringBuilder out = new StringBuilder(Math.min(raw.length(), max) + 16);
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            int length = out.length();
            appendEscaped(out, cp);
            if (out.length() > max) {
                out.setLength(length);
                return out.append(ELLIPSIS).toString();
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\\' -> out.append("\\\\");
            case '"' -> out.append("\\\"");
            default -> {
                if (!unsafe(cp)) {
                    out.appendCodePoint(cp);
                    return;
                }
                for (char unit : Character.toChars(cp)) {
                    out.append("\\u").append(HEX[unit >> 12]).append(HEX[(unit >> 8) & 0xf]);
                    out.append(HEX[(unit >> 4) & 0xf]).append(HEX[unit & 0xf]);
                }
            }
        }
    }

    /** C0, DEL, C1, line and paragraph separators, format characters (bidi overrides), lone surrogates. */
    private static boolean unsafe(int cp) {
        if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT
                || type == Character.SURROGATE;
    }

    /** The deepest cause, at most {@value #MAX_CAUSE_DEPTH} levels down (a cause cycle ends there). */
    private static Throwable root(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < MAX_CAUSE_DEPTH; depth++) {
            Throwable next = current.getCause();
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }
}
