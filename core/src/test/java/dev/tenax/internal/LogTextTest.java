package dev.tenax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.GiveUpReason;
import dev.tenax.property.Gen;
import dev.tenax.property.PropertyRunner;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogTextTest {
    /** Characters that break log lines or fool the eye, mixed with ordinary ones. */
    private static final int[] HOSTILE = {
        'a', 'Z', '0', ' ', '=', '"', '\\', ':', '/', '?', '@', '\n', '\r', '\t', 0, 0x1b, 0x7f, 0x85, 0x9b, 0x2028,
        0x2029, 0x202e, 0x200b, 0xfeff, 0xd800, 0xdc00, 0x1f600, 0xe0001, 'é', '€'
    };

    private static final Gen<String> HOSTILE_TEXT = random -> {
        int length = random.nextInt(40);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(
                    random.nextInt(4) == 0 ? random.nextInt(0x30000) : HOSTILE[random.nextInt(HOSTILE.length)]);
        }
        return s.toString();
    };

    @Test
    void everyUnsafeCharacterIsEscaped() {
        assertThat(LogText.value("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
        assertThat(LogText.value("\u001b[31mred\u007f\u0085\u009b")).isEqualTo("\\u001b[31mred\\u007f\\u0085\\u009b");
        assertThat(LogText.value("line\u2028para\u2029bidi\u202eend"))
                .isEqualTo("line\\u2028para\\u2029bidi\\u202eend");
        assertThat(LogText.value("back\\slash")).isEqualTo("back\\\\slash");
        assertThat(LogText.value("c1\u009f\u00a0nbsp~"))
                .as("the last C1 control, then NBSP")
                .isEqualTo("c1\\u009f\u00a0nbsp~");
        assertThat(LogText.value("lone\ud800")).isEqualTo("lone\\ud800");
        assertThat(LogText.value("tag\uDB40\uDC01"))
                .as("a supplementary format character")
                .isEqualTo("tag\\udb40\\udc01");
        assertThat(LogText.value("smile\uD83D\uDE00 é")).isEqualTo("\"smile\uD83D\uDE00 é\"");
    }

    @Test
    void valuesThatCouldEndTheirFieldAreQuoted() {
        assertThat(LogText.value("payments")).isEqualTo("payments");
        assertThat(LogText.value("a b")).isEqualTo("\"a b\"");
        assertThat(LogText.value("a=b")).isEqualTo("\"a=b\"");
        assertThat(LogText.value("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(LogText.value("")).isEqualTo("\"\"");
        assertThat(LogText.quoted("x")).isEqualTo("\"x\"");
    }

    @Test
    void urlsLoseUserInfoQueryAndFragment() {
        assertThat(LogText.redact("GET https://alice:s3cret@api.example.com:8443/v1/users?token=s3cret#top failed"))
                .isEqualTo("GET https://api.example.com:8443/v1/users failed");
        assertThat(LogText.redact("to http://user@p@ss@host/x")).isEqualTo("to http://host/x");
        // a password with / ? # unencoded, as string concatenation makes it (adversary report, D2)
        for (String url : new String[] {
            "https://admin:pa?ss@db.example.com/x",
            "https://admin:pa#ss@db.example.com/x",
            "https://admin:pa/ss@db.example.com/x"
        }) {
            assertThat(LogText.redact("connect to " + url + " failed"))
                    .isEqualTo("connect to https://db.example.com/x failed");
        }
        assertThat(LogText.redact("GET http://localhost:44327/users/42 failed"))
                .isEqualTo("GET http://localhost:44327/users/42 failed");
        assertThat(LogText.redact("HTTP://Host?x=1")).isEqualTo("HTTP://Host");
        assertThat(LogText.redact("see http://host/path.")).isEqualTo("see http://host/path.");
        assertThat(LogText.redact("proxy alice:s3cret@proxy.local:3128 refused"))
                .isEqualTo("proxy proxy.local:3128 refused");
        assertThat(LogText.redact("GET /users/42?token=abc&x=1 -> 401")).isEqualTo("GET /users/42 -> 401");
        assertThat(LogText.redact("at 12:30 @ home")).isEqualTo("at 12:30 @ home");
    }

    @Test
    void valuesOfSensitiveNamesAreRedacted() {
        assertThat(LogText.redact("Authorization: Bearer abc.def\nnext line"))
                .isEqualTo("Authorization: [redacted]\nnext line");
        assertThat(LogText.redact("proxy-authorization:Basic YWxpY2U6czNjcmV0"))
                .isEqualTo("proxy-authorization: [redacted]");
        assertThat(LogText.redact("Set-Cookie: id=1; Secure")).isEqualTo("Set-Cookie: [redacted]");
        assertThat(LogText.redact("bad X-Api-Key=k123, retry")).isEqualTo("bad X-Api-Key=[redacted], retry");
        assertThat(LogText.redact("api_key=1&user=bob")).isEqualTo("api_key=[redacted]&user=bob");
        assertThat(LogText.redact("Authorization=Bearer abc rejected")).isEqualTo("Authorization=[redacted] rejected");
        assertThat(LogText.redact("{\"access_token\": \"a\\\"b\", \"user\": \"bob\"}"))
                .isEqualTo("{\"access_token\": [redacted], \"user\": \"bob\"}");
        assertThat(LogText.redact("password='x y' ok")).isEqualTo("password=[redacted] ok");
        assertThat(LogText.redact("DB_PASSWORD = hunter2;")).isEqualTo("DB_PASSWORD =[redacted];");
        assertThat(LogText.redact("client_secret=a x-auth-token: b"))
                .isEqualTo("client_secret=[redacted] x-auth-token: [redacted]");
        assertThat(LogText.redact("sessionId=42 credentials=c sig=ok"))
                .isEqualTo("sessionId=[redacted] credentials=[redacted] sig=ok");
        assertThat(LogText.redact("token:")).isEqualTo("token:[redacted]");
        assertThat(LogText.redact("invalid bearer eyJhbGciOiJIUzI1NiJ9.x")).isEqualTo("invalid bearer [redacted]");
        assertThat(LogText.redact("tokenizer failed; monkey=1")).isEqualTo("tokenizer failed; monkey=1");
    }

    @Test
    void theMessageNamesTheRootCauseWhenItAddsSomething() {
        IOException wrapped =
                new IOException("Failed to connect to host/10.0.0.1:443", new ConnectException("Connection refused"));
        IOException repeated =
                new IOException("Connect failed: Connection refused", new ConnectException("Connection refused"));
        IOException silent = new IOException(new ConnectException("Connection refused"));
        IOException bare = new IOException((String) null, new IOException((String) null));

        assertThat(LogText.message(wrapped))
                .isEqualTo(
                        "\"Failed to connect to host/10.0.0.1:443 (caused by java.net.ConnectException: Connection refused)\"");
        assertThat(LogText.message(repeated)).isEqualTo("\"Connect failed: Connection refused\"");
        assertThat(LogText.message(silent))
                .as("getMessage() of a wrapper is its cause's toString()")
                .isEqualTo("\"java.net.ConnectException: Connection refused\"");
        assertThat(LogText.message(new IOException(null, new ConnectException("refused"))))
                .isEqualTo("\"java.net.ConnectException: refused\"");
        assertThat(LogText.message(bare)).isNull();
        assertThat(LogText.message(new IOException())).isNull();
        assertThat(LogText.message(null)).isNull();
    }

    @Test
    void aCauseCycleEnds() {
        IOException a = new IOException("a");
        IOException b = new IOException("b", a);
        a.initCause(b);

        assertThat(LogText.message(a)).isIn("\"a\"", "\"a (caused by java.io.IOException: b)\"");
    }

    @Test
    void theRootIsLookedForThirtyTwoLevelsDown() {
        Throwable chain = new IOException("e40");
        for (int i = 39; i >= 0; i--) {
            chain = new IOException("e" + i, chain);
        }

        assertThat(LogText.message(chain)).isEqualTo("\"e0 (caused by java.io.IOException: e32)\"");
    }

    @Test
    void theRootCauseSurvivesALongOuterMessage() {
        IOException wrapped = new IOException("x".repeat(500), new ConnectException("Connection reset"));

        String message = LogText.message(wrapped);

        assertThat(message)
                .hasSize(2 + LogText.MAX_MESSAGE + 3)
                .endsWith("x... (caused by java.net.ConnectException: Connection reset)\"");
        assertThat(LogText.message(new IOException("short", new IOException("y".repeat(500)))))
                .hasSize(2 + "short (caused by ".length() + LogText.MAX_ROOT + 3 + 1)
                .endsWith("y...)\"");
    }

    @Test
    void cuttingNeverSplitsAnEscapeOrASurrogatePair() {
        assertThat(LogText.escape("ab\ncd", 3)).isEqualTo("ab...");
        assertThat(LogText.escape("ab\u2028", 7)).isEqualTo("ab...");
        assertThat(LogText.escape("ab\u2028", 8)).isEqualTo("ab\\u2028");
        assertThat(LogText.escape("a\uD83D\uDE00", 2)).isEqualTo("a...");
        assertThat(LogText.escape("abc", 3)).isEqualTo("abc");
    }

    @Test
    void anyValueEscapesToOneSafeFieldAndReadsBackUnchanged() {
        PropertyRunner.forAll(0x106_0001L, HOSTILE_TEXT, raw -> {
            String value = LogText.value(raw);

            assertSafe(value);
            boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
            String inner = quoted ? value.substring(1, value.length() - 1) : value;
            if (!quoted) {
                assertThat(value).doesNotContain(" ", "=", "\"");
            }
            assertThat(unescape(inner)).isEqualTo(raw);
        });
    }

    @Test
    void hostileNamesAndMessagesNeverAddFieldsOrLines() {
        Gen<List<String>> three =
                random -> List.of(HOSTILE_TEXT.draw(random), HOSTILE_TEXT.draw(random), HOSTILE_TEXT.draw(random));
        PropertyRunner.forAll(0x106_0002L, three, texts -> {
            InstrumentationTest.RecordingLogger logger =
                    new InstrumentationTest.RecordingLogger(System.Logger.Level.ALL);
            String name = texts.get(0).isBlank() ? "n" : texts.get(0);
            new LoggingListener(logger)
                    .onGiveUp(new GiveUpEvent(
                            name,
                            GiveUpReason.DEADLINE,
                            2,
                            Duration.ofMillis(5),
                            new IOException(texts.get(1), new IOException(texts.get(2))),
                            OptionalInt.empty(),
                            "java.io.IOException",
                            "GET " + texts.get(2),
                            Optional.empty()));

            String line = logger.lines.get(0);
            assertSafe(line);
            List<String[]> fields = fields(line.substring("INFO tenax.gave_up ".length()));
            assertThat(fields)
                    .extracting(f -> f[0])
                    .startsWith("name", "target", "reason", "attempts", "elapsed", "cause");
            assertThat(fields).extracting(f -> f[0]).hasSizeBetween(6, 7);
            assertThat(unquote(fields.get(0)[1])).isEqualTo(name);
            if (fields.size() == 7) {
                assertThat(fields.get(6)[0]).isEqualTo("message");
                assertThat(fields.get(6)[1].length()).isLessThanOrEqualTo(2 + LogText.MAX_MESSAGE + 3);
            }
        });
    }

    @Test
    void secretsNeverReachTheMessage() {
        String[] templates = {
            "https://user:%s@host/p",
            "http://host/p?token=%s",
            "http://host/p#%s",
            "Authorization: Bearer %s",
            "Cookie: a=%s",
            "password=%s",
            "x-api-key: %s",
            "{\"refresh_token\":\"%s\"}",
            "proxy u:%s@proxy:1",
            "GET /a?sig=%s",
            "Basic %s"
        };
        Gen<String> messages = random -> {
            String secret = "S3CR" + Long.toString(random.nextLong() >>> 1, 36);
            String template = templates[random.nextInt(templates.length)];
            return HOSTILE_TEXT.draw(random).replace("%", "") + " " + String.format(template, secret) + " "
                    + HOSTILE_TEXT.draw(random).replace("%", "");
        };
        PropertyRunner.forAll(0x106_0003L, messages, message -> {
            String logged = LogText.message(new IOException(message));

            assertThat(logged).doesNotContain("S3CR");
        });
    }

    private static void assertSafe(String text) {
        text.codePoints()
                .forEach(cp -> assertThat(cp < 0x20
                                || (cp >= 0x7f && cp <= 0x9f)
                                || Character.getType(cp) == Character.LINE_SEPARATOR
                                || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR
                                || Character.getType(cp) == Character.FORMAT
                                || Character.getType(cp) == Character.SURROGATE)
                        .as("U+%04X in %s", cp, text)
                        .isFalse());
    }

    /** Splits logfmt: key=value or key="value with \" escapes". */
    private static List<String[]> fields(String line) {
        List<String[]> fields = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            int eq = line.indexOf('=', i);
            String key = line.substring(i, eq);
            int end;
            if (line.charAt(eq + 1) == '"') {
                end = eq + 2;
                while (line.charAt(end) != '"') {
                    end += line.charAt(end) == '\\' ? 2 : 1;
                }
                end++;
            } else {
                end = line.indexOf(' ', eq);
                end = end < 0 ? line.length() : end;
            }
            fields.add(new String[] {key, line.substring(eq + 1, end)});
            i = end + 1;
        }
        return fields;
    }

    private static String unquote(String value) {
        return value.startsWith("\"") ? unescape(value.substring(1, value.length() - 1)) : unescape(value);
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    @Test
    void theHostileGeneratorProducesEveryKindOfTrouble() {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            all.append(HOSTILE_TEXT.draw(random));
        }
        assertThat(all.toString()).contains("\n", "\r", "\u001b", "\u2028", "\u202e", "\"", "=", " ");
    }
}
