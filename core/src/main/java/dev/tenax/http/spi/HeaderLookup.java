package dev.tenax.http.spi;

import org.jspecify.annotations.Nullable;

/** Reads the first value of a header by case-insensitive name; {@code null} when absent. */
@FunctionalInterface
public interface HeaderLookup {
    /**
     * The first value of header {@code name}.
     *
     * @param name case-insensitive header name
     * @return the value, or {@code null}
     */
    @Nullable
    String first(String name);
}
