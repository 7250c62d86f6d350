package dev.tenax.internal.http;

import java.util.Locale;
import java.util.Set;

/** HTTP field names as RFC 9110 (section 5.1) defines them: a token, so that every client accepts the name. */
public final class FieldNames {
    /**
     * Fields a client sets itself: the JDK client refuses to set {@code Connection}, {@code Content-Length},
     * {@code Expect}, {@code Host} and {@code Upgrade} (its default restricted set); the rest are RFC 9110's
     * hop-by-hop and framing fields, which no end-to-end attempt number belongs in.
     */
    private static final Set<String> RESERVED = Set.of(
            "connection",
            "content-length",
            "expect",
            "host",
            "upgrade",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding");

    /** {@link #RESERVED}, for error messages. */
    public static final String RESERVED_LIST = "Connection, Content-Length, Expect, Host, Upgrade, Keep-Alive, "
            + "Proxy-Connection, TE, Trailer, Transfer-Encoding";

    private FieldNames() {}

    /** Whether {@code name} (any case) is a field the clients manage themselves. */
    public static boolean isReserved(String name) {
        return RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code name} is a non-empty run of RFC 9110 {@code tchar}s. */
    public static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
