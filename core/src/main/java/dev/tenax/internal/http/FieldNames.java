package dev.tenax.internal.http;

/** HTTP field names as RFC 9110 (section 5.1) defines them: a token, so that every client accepts the name. */
public final class FieldNames {
    private FieldNames() {}

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
