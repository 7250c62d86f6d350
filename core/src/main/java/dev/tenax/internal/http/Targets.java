package dev.tenax.internal.http;

import java.net.URI;
import java.util.Locale;

/**
 * What logs and events may say about a request: method, scheme, host, port and path. Never user info, query or
 * fragment, which can carry credentials.
 */
public final class Targets {
    private Targets() {}

    public static String describe(String method, URI uri) {
        return method.toUpperCase(Locale.ROOT) + " " + origin(uri) + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** {@code scheme://host:port}, the key of per-host budgets. */
    public static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "unknown" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        return scheme + "://" + host + (port < 0 ? "" : ":" + port);
    }
}
