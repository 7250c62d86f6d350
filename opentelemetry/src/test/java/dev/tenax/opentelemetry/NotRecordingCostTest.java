package dev.tenax.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.GiveUpDetails;
import dev.tenax.GiveUpReason;
import dev.tenax.RetryDetails;
import dev.tenax.RetryListener;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * With no span, or one that does not record (no SDK, an unsampled trace), the listener allocates nothing: a
 * thread-local read and one check per event. Measured with the JVM's per-thread allocation counter.
 */
class NotRecordingCostTest {
    private static final int CALLS = 20_000;
    /** Far below one allocation per call (at least 16 bytes each), far above the counter's own noise. */
    private static final long BUDGET_BYTES = 16 * 1024;

    private final RetryListener listener = TenaxTracing.listener();
    private final RetryDetails retry =
            HandMadeDetails.retry(1, Duration.ofMillis(100), OptionalInt.of(503), "http_503");
    private final GiveUpDetails giveUp = HandMadeDetails.giveUp(GiveUpReason.ATTEMPTS, 3, OptionalInt.empty());

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private long allocationOfEvents() {
        for (int i = 0; i < CALLS; i++) { // warm-up: let the JIT compile the path first
            listener.onRetryScheduled(retry);
            listener.onGiveUp(giveUp);
        }
        long before = allocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            listener.onRetryScheduled(retry);
            listener.onGiveUp(giveUp);
        }
        return allocatedBytes() - before;
    }

    @Test
    void withNoSpanAtAll() {
        assertThat(allocationOfEvents()).isLessThan(BUDGET_BYTES);
    }

    @Test
    void underAnUnsampledSpan() {
        Span unsampled = Span.wrap(SpanContext.create(
                "0af7651916cd43dd8448eb211c80319c",
                "b7ad6b7169203331",
                TraceFlags.getDefault(),
                TraceState.getDefault()));
        try (Scope scope = unsampled.makeCurrent()) {
            assertThat(allocationOfEvents()).isLessThan(BUDGET_BYTES);
        }
    }
}
