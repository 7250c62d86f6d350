/**
 * The adapter SPI: how a client module hands its requests, responses and failures to the core's one HTTP retry
 * engine. Client modules only translate; every decision is made here. Users of Tenax never need this package.
 *
 * <p>An adapter implements {@link dev.tenax.http.spi.HttpRequestInfo} for its request type,
 * {@link dev.tenax.http.spi.ResponseAccess} for its response type and, for exception types of its own, a
 * {@link dev.tenax.http.spi.FailureClassifier}; it then runs each call through
 * {@link dev.tenax.http.spi.HttpRetryDriver}.
 */
@NullMarked
package dev.tenax.http.spi;

import org.jspecify.annotations.NullMarked;
