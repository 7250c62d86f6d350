package dev.tenax.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.http.spi.HeaderLookup;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerHintsTest {
    /** 1994-11-06T08:49:37Z, RFC 9110's example date, is "now" in these tests: 1 s before it is "past". */
    private static final long NOW =
            ZonedDateTime.parse("1994-11-06T08:49:27Z").toInstant().toEpochMilli();

    private static final long NONE = ServerHints.NONE;

    static Stream<Arguments> retryAfterValues() {
        return Stream.of(
                // delay-seconds
                hint("120", Duration.ofSeconds(120)),
                hint("0", Duration.ZERO),
                hint("007", Duration.ofSeconds(7)),
                hint("  5  ", Duration.ofSeconds(5)),
                hint("\t5", Duration.ofSeconds(5)),
                hint("9223372036", Duration.ofSeconds(9_223_372_036L)),
                ignored("1.5"),
                ignored("-1"),
                ignored("+5"),
                ignored("5s"),
                ignored(""),
                ignored("   "),
                ignored("12345678901234567890"), // 20 digits
                ignored("9223372036854775808"), // Long.MAX_VALUE + 1
                ignored("9223372037"), // seconds that overflow nanoseconds
                ignored("٣"), // a non-ASCII digit
                ignored("0x10"),
                ignored("120, 120"),
                // HTTP-date: RFC 9110 §5.6.7's three formats, 10 s after "now"
                hint("Sun, 06 Nov 1994 08:49:37 GMT", Duration.ofSeconds(10)),
                hint("Sunday, 06-Nov-94 08:49:37 GMT", Duration.ofSeconds(10)),
                hint("Sun Nov  6 08:49:37 1994", Duration.ofSeconds(10)),
                hint("sun, 06 nov 1994 08:49:37 gmt", Duration.ofSeconds(10)),
                hint("Sun, 6 Nov 1994 08:49:37 GMT", Duration.ofSeconds(10)),
                // dates in the past mean "now"
                hint("Sun, 06 Nov 1994 08:49:17 GMT", Duration.ZERO),
                hint("Thu, 01 Jan 1970 00:00:00 GMT", Duration.ZERO),
                // a well-formed far-future date is a valid hint, saturated: "not soon" (the long-hint rule applies)
                Arguments.of("Fri, 31 Dec 9999 23:59:59 GMT", Long.MAX_VALUE),
                ignored("Sun, 32 Nov 1994 08:49:37 GMT"),
                ignored("Sun, 06 Foo 1994 08:49:37 GMT"),
                ignored("Sun, 06 Nov 1994 25:49:37 GMT"),
                ignored("Sun, 06 Nov 1994 08:49:37 UTC"),
                ignored("Sun, 06 Nov 1994"),
                ignored("1994-11-06T08:49:37Z"));
    }

    private static Arguments hint(String value, Duration expected) {
        return Arguments.of(value, expected.toNanos());
    }

    private static Arguments ignored(String value) {
        return Arguments.of(value, NONE);
    }

    @ParameterizedTest(name = "Retry-After: \"{0}\"")
    @MethodSource("retryAfterValues")
    void retryAfterIsParsedStrictly(String value, long expectedNanos) {
        assertThat(ServerHints.resolve(headers("Retry-After", value), NOW)).isEqualTo(expectedNanos);
    }

    @Test
    void rfc850TwoDigitYearsMoreThanFiftyYearsAheadAreThePastCentury() {
        long now2026 = ZonedDateTime.parse("2026-11-23T00:00:00Z").toInstant().toEpochMilli();

        assertThat(ServerHints.fullYear(76, now2026)).isEqualTo(2076);
        assertThat(ServerHints.fullYear(77, now2026)).isEqualTo(1977);
        assertThat(ServerHints.fullYear(26, now2026)).isEqualTo(2026);
        assertThat(ServerHints.fullYear(94, now2026)).isEqualTo(1994);
    }

    @Test
    void retryAfterTakesPrecedenceOverRateLimitHeaders() {
        Map<String, String> h = new HashMap<>();
        h.put("Retry-After", "3");
        h.put("RateLimit", "limit=10, remaining=0, t=30");
        h.put("X-RateLimit-Reset", "60");

        assertThat(ServerHints.resolve(h::get, NOW))
                .isEqualTo(Duration.ofSeconds(3).toNanos());
    }

    @Test
    void invalidRetryAfterFallsBackToTheNextHeader() {
        Map<String, String> h = new HashMap<>();
        h.put("Retry-After", "soon");
        h.put("RateLimit-Reset", "4");

        assertThat(ServerHints.resolve(h::get, NOW))
                .isEqualTo(Duration.ofSeconds(4).toNanos());
    }

    @Test
    void rateLimitDraftsAreRead() {
        assertThat(ServerHints.resolve(headers("RateLimit", "\"default\";r=0;t=12"), NOW))
                .isEqualTo(Duration.ofSeconds(12).toNanos());
        assertThat(ServerHints.resolve(headers("RateLimit", "limit=100, remaining=0, t=30"), NOW))
                .isEqualTo(Duration.ofSeconds(30).toNanos());
        assertThat(ServerHints.resolve(headers("RateLimit", "limit=100, remaining=0"), NOW))
                .isEqualTo(NONE);
        assertThat(ServerHints.resolve(headers("RateLimit-Reset", "15"), NOW))
                .isEqualTo(Duration.ofSeconds(15).toNanos());
    }

    @Test
    void xRateLimitResetIsEpochOrDeltaByMagnitude() {
        long now = ZonedDateTime.parse("2026-11-23T00:00:00Z").toInstant().toEpochMilli();
        long epochSecondsIn20s = now / 1000 + 20;
        assertThat(ServerHints.resolve(headers("X-RateLimit-Reset", Long.toString(epochSecondsIn20s)), now))
                .isEqualTo(Duration.ofSeconds(20).toNanos());
        assertThat(ServerHints.resolve(headers("X-RateLimit-Reset", Long.toString(now + 1500)), now))
                .isEqualTo(Duration.ofMillis(1500).toNanos());
        assertThat(ServerHints.resolve(headers("X-RateLimit-Reset", "42"), now))
                .isEqualTo(Duration.ofSeconds(42).toNanos());
        assertThat(ServerHints.resolve(headers("X-RateLimit-Reset", Long.toString(now / 1000 - 5)), now))
                .isZero();
    }

    @Test
    void millisecondHeadersAreRead() {
        assertThat(ServerHints.resolve(headers("retry-after-ms", "250"), NOW))
                .isEqualTo(Duration.ofMillis(250).toNanos());
        assertThat(ServerHints.resolve(headers("x-ms-retry-after-ms", "1500"), NOW))
                .isEqualTo(Duration.ofMillis(1500).toNanos());
        assertThat(ServerHints.resolve(headers("retry-after-ms", "-3"), NOW)).isEqualTo(NONE);
    }

    @Test
    void theLargestRepresentableValuesAreHintsAndOneMoreIsNot() {
        // Long.MAX_VALUE ns is 9,223,372,036,854 ms or 9,223,372,036 s, rounded down
        assertThat(ServerHints.resolve(headers("retry-after-ms", "9223372036854"), NOW))
                .isEqualTo(9_223_372_036_854_000_000L);
        assertThat(ServerHints.resolve(headers("retry-after-ms", "9223372036855"), NOW))
                .isEqualTo(NONE);
        assertThat(ServerHints.resolve(headers("RateLimit-Reset", "9223372036"), NOW))
                .isEqualTo(9_223_372_036_000_000_000L);
        assertThat(ServerHints.resolve(headers("RateLimit-Reset", "9223372037"), NOW))
                .isEqualTo(NONE);
    }

    @Test
    void anEpochJustWithinNanosecondsIsExactAndOneMillisecondLaterSaturates() {
        long now = 1_700_000_000_000L;
        long maxMillis = Long.MAX_VALUE / 1_000_000L;

        assertThat(ServerHints.resolve(headers("X-RateLimit-Reset", Long.toString(now + maxMillis)), now))
                .isEqualTo(maxMillis * 1_000_000L);
        assertThat(ServerHints.resolve(headers("X-RateLimit-Reset", Long.toString(now + maxMillis + 1)), now))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void xRateLimitResetMagnitudesSwitchExactlyAtTheirFloors() {
        long now = ZonedDateTime.parse("2026-11-23T00:00:00Z").toInstant().toEpochMilli();

        // 10^12 is epoch milliseconds (2001-09-09, past), 10^9 epoch seconds (the same instant): both "now"
        assertThat(ServerHints.resolve(headers("X-RateLimit-Reset", "1000000000000"), now))
                .isZero();
        assertThat(ServerHints.resolve(headers("X-RateLimit-Reset", "1000000000"), now))
                .isZero();
        // one below each floor is read by the smaller unit
        assertThat(ServerHints.resolve(headers("X-RateLimit-Reset", "999999999999"), now))
                .as("epoch seconds far ahead: saturated")
                .isEqualTo(Long.MAX_VALUE);
        assertThat(ServerHints.resolve(headers("X-RateLimit-Reset", "999999999"), now))
                .as("delta seconds")
                .isEqualTo(999_999_999_000_000_000L);
    }

    @Test
    void aMalformedXRateLimitResetFallsBackToTheNextHeader() {
        Map<String, String> h = new HashMap<>();
        h.put("X-RateLimit-Reset", "soon");
        h.put("retry-after-ms", "250");

        assertThat(ServerHints.resolve(h::get, NOW))
                .isEqualTo(Duration.ofMillis(250).toNanos());
    }

    @Test
    void noHeadersMeansNoHint() {
        assertThat(ServerHints.resolve(name -> null, NOW)).isEqualTo(NONE);
    }

    @Test
    void aThrowingHeaderAccessorMeansNoHint() {
        assertThat(ServerHints.resolve(
                        name -> {
                            throw new IllegalStateException("broken adapter");
                        },
                        NOW))
                .isEqualTo(NONE);
    }

    @Test
    void hundredThousandRandomValuesNeverThrowAndStayInRange() {
        // given: values built from the characters real and hostile headers are made of
        Random random = new Random(20261123);
        String alphabet = "0123456789 ,;:-+.=tTGMSsunNovDecFriWed\t\"xX\u0663\u00e9";
        String[] names = {"Retry-After", "RateLimit", "RateLimit-Reset", "X-RateLimit-Reset", "retry-after-ms"};
        long max = Long.MAX_VALUE;

        for (int i = 0; i < 100_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(4) == 0) {
                value.setLength(0);
                value.append(random.nextLong());
            }
            String name = names[random.nextInt(names.length)];

            // when
            long hint = ServerHints.resolve(headers(name, value.toString()), NOW);

            // then
            assertThat(hint).as("%s: %s", name, value).isBetween(NONE, max);
        }
    }

    private static HeaderLookup headers(String name, String value) {
        return n -> n.equalsIgnoreCase(name) ? value : null;
    }
}
