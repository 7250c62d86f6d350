package dev.tenax.opentelemetry;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryDetails;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Details as a caller or a broken engine could hand a listener directly: any value, {@code null}s the contract
 * forbids, or accessors that throw.
 */
final class HandMadeDetails {
    private HandMadeDetails() {}

    @SuppressWarnings("NullAway") // the point: values the interfaces promise are never null
    static RetryDetails retry(int retryNumber, Duration wait, @Nullable OptionalInt status, String errorType) {
        return new RetryDetails() {
            @Override
            public String name() {
                return "hand-made";
            }

            @Override
            public int retryNumber() {
                return retryNumber;
            }

            @Override
            public Duration waitFor() {
                return wait;
            }

            @Override
            public Duration waitedSoFar() {
                return Duration.ZERO;
            }

            @Override
            public @Nullable Throwable cause() {
                return null;
            }

            @Override
            public OptionalInt status() {
                return status;
            }

            @Override
            public String errorType() {
                return errorType;
            }

            @Override
            public @Nullable String target() {
                return null;
            }
        };
    }

    @SuppressWarnings("NullAway") // the point: values the interfaces promise are never null
    static GiveUpDetails giveUp(@Nullable GiveUpReason reason, int attempts, @Nullable OptionalInt status) {
        return new GiveUpDetails() {
            @Override
            public String name() {
                return "hand-made";
            }

            @Override
            public GiveUpReason reason() {
                return reason;
            }

            @Override
            public int attempts() {
                return attempts;
            }

            @Override
            public Duration elapsed() {
                return Duration.ZERO;
            }

            @Override
            public @Nullable Throwable cause() {
                return null; // a give-up with no cause
            }

            @Override
            public OptionalInt status() {
                return status;
            }

            @Override
            public String errorType() {
                return "http_429";
            }

            @Override
            public @Nullable String target() {
                return null;
            }

            @Override
            public Optional<Duration> serverWait() {
                return Optional.empty();
            }
        };
    }

    /** Every accessor throws: a listener that reads nothing survives it. */
    static RetryDetails throwingRetry() {
        return new RetryDetails() {
            @Override
            public String name() {
                throw new IllegalStateException("name: password=s3cret");
            }

            @Override
            public int retryNumber() {
                throw new IllegalStateException();
            }

            @Override
            public Duration waitFor() {
                throw new IllegalStateException();
            }

            @Override
            public Duration waitedSoFar() {
                throw new IllegalStateException();
            }

            @Override
            public @Nullable Throwable cause() {
                throw new IllegalStateException();
            }

            @Override
            public OptionalInt status() {
                throw new IllegalStateException();
            }

            @Override
            public String errorType() {
                throw new IllegalStateException();
            }

            @Override
            public @Nullable String target() {
                throw new IllegalStateException();
            }
        };
    }

    /** Every accessor throws. */
    static GiveUpDetails throwingGiveUp() {
        return new GiveUpDetails() {
            @Override
            public String name() {
                throw new UnsupportedOperationException();
            }

            @Override
            public GiveUpReason reason() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int attempts() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Duration elapsed() {
                throw new UnsupportedOperationException();
            }

            @Override
            public @Nullable Throwable cause() {
                throw new UnsupportedOperationException();
            }

            @Override
            public OptionalInt status() {
                throw new UnsupportedOperationException();
            }

            @Override
            public String errorType() {
                throw new UnsupportedOperationException();
            }

            @Override
            public @Nullable String target() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Duration> serverWait() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
