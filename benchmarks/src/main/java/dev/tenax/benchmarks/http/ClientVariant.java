package dev.tenax.benchmarks.http;

import java.util.function.Function;

/**
 * A named way to build a {@link LoadClient} for a {@link RetrySetup}.
 *
 * @param name the row name in every table ({@code okhttp-tenax-interceptor}, …)
 * @param description one line for the docs
 * @param open builds a new client; the caller closes it
 */
public record ClientVariant(String name, String description, Function<RetrySetup, LoadClient> open) {}
