package dev.tenax.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two fields of a page the poller needs: its number and the next page's. Read with a pattern rather than a
 * JSON library, which is enough for the demo server's flat answers.
 */
record Page(int number, OptionalInt next) {
    private static final Pattern NUMBER = Pattern.compile("\"page\"\\s*:\\s*(\\d{1,9})");
    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*(null|\\d{1,9})");

    /**
     * Reads a page body.
     *
     * @param body the JSON body, UTF-8
     * @return the page
     * @throws IOException if the body lacks {@code "page"} or {@code "next"}
     */
    static Page parse(byte[] body) throws IOException {
        String json = new String(body, StandardCharsets.UTF_8);
        Matcher number = NUMBER.matcher(json);
        Matcher next = NEXT.matcher(json);
        if (!number.find() || !next.find()) {
            throw new IOException("not a page: expected \"page\" and \"next\" fields");
        }
        return new Page(
                Integer.parseInt(number.group(1)),
                "null".equals(next.group(1)) ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(next.group(1))));
    }
}
