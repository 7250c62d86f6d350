package dev.tenax.internal.http;

import dev.tenax.http.spi.HeaderLookup;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads how long a server asked clients to wait, strictly: a value that is negative, malformed or too large to
 * represent is ignored (the computed backoff then applies), and nothing here ever throws.
 *
 * <p>Headers, first valid one wins: {@code Retry-After} (delay-seconds or HTTP-date: IMF-fixdate, RFC 850,
 * asctime), {@code RateLimit} ({@code t=} of the IETF draft), {@code RateLimit-Reset}, {@code X-RateLimit-Reset}
 * (epoch seconds or milliseconds when the value is a plausible timestamp, else delta seconds),
 * {@code retry-after-ms}, {@code x-ms-retry-after-ms}. A date in the past means "now"; a well-formed date too far
 * ahead to represent saturates, so the long-hint rule treats it as "not soon".
 */
public final class ServerHints {
    /** No hint. */
    public static final long NONE = -1;

    /** Larger delays are treated as overflow: about 292 years in nanoseconds. */
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L;

    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;

    /** Values at least this large are epoch seconds (2001-09-09), not deltas. */
    private static final long EPOCH_SECONDS_FLOOR = 1_000_000_000L;

    /** Values at least this large are epoch milliseconds. */
    private static final long EPOCH_MILLIS_FLOOR = 1_000_000_000_000L;

    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");
    private static final Pattern RATE_LIMIT_T = Pattern.compile("(?:^|[;,\\s])t\\s*=\\s*(\\d{1,19})(?:$|[;,\\s])");
    private static final Pattern IMF_FIXDATE = Pattern.compile(
            "[a-z]{3},\\s*(\\d{1,2})\\s+([a-z]{3})\\s+(\\d{4})\\s+(\\d{2}):(\\d{2}):(\\d{2})\\s+gmt",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RFC_850 = Pattern.compile(
            "[a-z]{6,9},\\s*(\\d{1,2})-([a-z]{3})-(\\d{2})\\s+(\\d{2}):(\\d{2}):(\\d{2})\\s+gmt",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASCTIME = Pattern.compile(
            "[a-z]{3}\\s+([a-z]{3})\\s+(\\d{1,2})\\s+(\\d{2}):(\\d{2}):(\\d{2})\\s+(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private ServerHints() {}

    /**
     * The wait the headers ask for, in nanoseconds, or {@link #NONE}.
     *
     * @param headers the first value of a response header by name, or {@code null}
     * @param nowMillis the wall clock, epoch milliseconds
     */
    public static long resolve(HeaderLookup headers, long nowMillis) {
        try {
            long wait = retryAfter(headers.first("Retry-After"), nowMillis);
            if (wait == NONE) {
                wait = rateLimit(headers.first("RateLimit"));
            }
            if (wait == NONE) {
                wait = deltaSeconds(headers.first("RateLimit-Reset"));
            }
            if (wait == NONE) {
                wait = xRateLimitReset(headers.first("X-RateLimit-Reset"), nowMillis);
            }
            if (wait == NONE) {
                wait = millis(headers.first("retry-after-ms"));
            }
            if (wait == NONE) {
                wait = millis(headers.first("x-ms-retry-after-ms"));
            }
            return wait;
        } catch (RuntimeException hostile) {
            // a header accessor or a pathological value must never break the call: no hint
            return NONE;
        }
    }

    /** {@code Retry-After}: delay-seconds or an HTTP-date. */
    static long retryAfter(@Nullable String value, long nowMillis) {
        if (value == null) {
            return NONE;
        }
        String v = value.strip();
        long seconds = parseDigits(v);
        if (seconds != NONE) {
            return seconds <= MAX_SECONDS ? seconds * 1_000_000_000L : NONE;
        }
        long epochMillis = httpDate(v, nowMillis);
        return epochMillis == NONE ? NONE : untilNanos(epochMillis, nowMillis);
    }

    static long rateLimit(@Nullable String value) {
        if (value == null) {
            return NONE;
        }
        Matcher m = RATE_LIMIT_T.matcher(value);
        if (!m.find()) {
            return NONE;
        }
        return secondsToNanos(parseDigits(m.group(1)));
    }

    static long deltaSeconds(@Nullable String value) {
        return value == null ? NONE : secondsToNanos(parseDigits(value.strip()));
    }

    static long xRateLimitReset(@Nullable String value, long nowMillis) {
        if (value == null) {
            return NONE;
        }
        long n = parseDigits(value.strip());
        if (n == NONE) {
            return NONE;
        }
        if (n >= EPOCH_MILLIS_FLOOR) {
            return untilNanos(n, nowMillis);
        }
        if (n >= EPOCH_SECONDS_FLOOR) {
            return untilNanos(n * 1000, nowMillis);
        }
        return secondsToNanos(n);
    }

    static long millis(@Nullable String value) {
        if (value == null) {
            return NONE;
        }
        long n = parseDigits(value.strip());
        return n == NONE || n > MAX_MILLIS ? NONE : n * 1_000_000L;
    }

    /** Epoch milliseconds of an HTTP-date (RFC 9110 §5.6.7), or {@link #NONE}. */
    static long httpDate(String value, long nowMillis) {
        Matcher m = IMF_FIXDATE.matcher(value);
        if (m.matches()) {
            return epochMillis(
                    Integer.parseInt(m.group(3)), m.group(2), m.group(1), m.group(4), m.group(5), m.group(6));
        }
        m = RFC_850.matcher(value);
        if (m.matches()) {
            return epochMillis(
                    fullYear(Integer.parseInt(m.group(3)), nowMillis),
                    m.group(2),
                    m.group(1),
                    m.group(4),
                    m.group(5),
                    m.group(6));
        }
        m = ASCTIME.matcher(value);
        if (m.matches()) {
            return epochMillis(
                    Integer.parseInt(m.group(6)), m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
        }
        return NONE;
    }

    /** RFC 9110: a two-digit year more than 50 years in the future means the most recent past such year. */
    static int fullYear(int twoDigits, long nowMillis) {
        int currentYear = LocalDateTime.ofEpochSecond(Math.floorDiv(nowMillis, 1000), 0, ZoneOffset.UTC)
                .getYear();
        int century = currentYear - Math.floorMod(currentYear, 100);
        int year = century + twoDigits;
        if (year > currentYear + 50) {
            year -= 100;
        }
        return year;
    }

    private static long epochMillis(int year, String month, String day, String hour, String minute, String second) {
        int monthIndex = MONTHS.indexOf(month.toLowerCase(Locale.ROOT));
        if (monthIndex < 0 || monthIndex % 3 != 0) {
            return NONE;
        }
        try {
            LocalDateTime time = LocalDateTime.of(
                    year,
                    monthIndex / 3 + 1,
                    Integer.parseInt(day),
                    Integer.parseInt(hour),
                    Integer.parseInt(minute),
                    Integer.parseInt(second));
            return time.toEpochSecond(ZoneOffset.UTC) * 1000;
        } catch (DateTimeException | NumberFormatException invalid) {
            return NONE;
        }
    }

    /** Time until a well-formed point in time: the past is "now", the far future saturates ("not soon"). */
    private static long untilNanos(long epochMillis, long nowMillis) {
        long deltaMillis = epochMillis - nowMillis;
        if (deltaMillis <= 0) {
            return 0;
        }
        return deltaMillis > MAX_MILLIS ? Long.MAX_VALUE : deltaMillis * 1_000_000L;
    }

    private static long secondsToNanos(long seconds) {
        return seconds == NONE || seconds > MAX_SECONDS ? NONE : seconds * 1_000_000_000L;
    }

    /** A non-negative decimal of ASCII digits only (no sign, no fraction), or {@link #NONE} (also on overflow). */
    private static long parseDigits(String s) {
        if (!DIGITS.matcher(s).matches()) {
            return NONE;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException overflow) {
            return NONE;
        }
    }
}
