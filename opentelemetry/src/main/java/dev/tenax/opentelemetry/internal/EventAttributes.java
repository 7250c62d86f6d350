package dev.tenax.opentelemetry.internal;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryDetails;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of Tenax's span events. Only what {@link RetryDetails} and {@link GiveUpDetails} already promise
 * to keep free of secrets goes in: the policy's name, counts, the wait, the error <em>type</em> and the status;
 * never the exception's message, never the target (a URI, even redacted, is high-cardinality and the client's
 * own span already has it).
 */
final class EventAttributes {
    static final AttributeKey<String> POLICY = AttributeKey.stringKey("tenax.policy");
    static final AttributeKey<Long> RETRY_NUMBER = AttributeKey.longKey("tenax.retry_number");
    /** Seconds, as a double: OpenTelemetry's unit for durations, and that of the Micrometer timer {@code tenax.wait}. */
    static final AttributeKey<Double> WAIT = AttributeKey.doubleKey("tenax.wait");

    static final AttributeKey<String> GIVE_UP_REASON = AttributeKey.stringKey("tenax.giveup.reason");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("tenax.attempts");
    // the semantic conventions' names, so that backends group them with the client spans' own
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    /**
     * Each reason in lower case, as the Micrometer tag {@code reason} spells it; made once, so that a give-up
     * builds no string.
     */
    private static final Map<GiveUpReason, String> REASONS = reasons();

    private EventAttributes() {}

    static Attributes of(RetryDetails details) {
        AttributesBuilder attributes = Attributes.builder()
                .put(POLICY, details.name())
                .put(RETRY_NUMBER, details.retryNumber())
                .put(WAIT, seconds(details.waitFor()))
                .put(ERROR_TYPE, details.errorType());
        putStatus(attributes, details.status());
        return attributes.build();
    }

    static Attributes of(GiveUpDetails details) {
        AttributesBuilder attributes = Attributes.builder()
                .put(POLICY, details.name())
                .put(GIVE_UP_REASON, reason(details.reason()))
                .put(ATTEMPTS, details.attempts())
                .put(ERROR_TYPE, details.errorType());
        putStatus(attributes, details.status());
        return attributes.build();
    }

    /** The reason as the Micrometer meters spell it: {@code attempts}, {@code not_retryable}, … */
    static @Nullable String reason(@Nullable GiveUpReason reason) {
        return reason == null ? null : REASONS.get(reason);
    }

    /** In seconds; {@code toNanos()} would overflow (and throw) for a wait over 292 years. */
    static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    // a status of null breaks RetryDetails' contract; a hand-made details object may still do it: no status then
    private static void putStatus(AttributesBuilder attributes, @Nullable OptionalInt status) {
        if (status != null && status.isPresent()) {
            attributes.put(STATUS, status.getAsInt());
        }
    }

    private static Map<GiveUpReason, String> reasons() {
        Map<GiveUpReason, String> names = new EnumMap<>(GiveUpReason.class);
        for (GiveUpReason reason : GiveUpReason.values()) {
            names.put(reason, reason.name().toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
