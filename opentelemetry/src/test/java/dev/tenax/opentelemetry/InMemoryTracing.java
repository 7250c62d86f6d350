package dev.tenax.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real OpenTelemetry SDK whose spans are exported, when they end, into memory: what a backend would receive.
 * Not registered globally: spans are started from {@link #tracer()} and Tenax finds them through the context.
 */
final class InMemoryTracing implements AutoCloseable {
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build();

    /** For instrumentation that wants an {@code OpenTelemetry}: this SDK's tracers, no propagators. */
    OpenTelemetry openTelemetry() {
        return new OpenTelemetry() {
            @Override
            public TracerProvider getTracerProvider() {
                return provider;
            }

            @Override
            public ContextPropagators getPropagators() {
                return ContextPropagators.noop();
            }
        };
    }

    Tracer tracer() {
        return provider.get("dev.tenax.opentelemetry.test");
    }

    Span startSpan(String name) {
        return tracer().spanBuilder(name).startSpan();
    }

    /** The one exported span of that name; a span is exported when it ends. */
    SpanData exported(String name) {
        List<SpanData> named = exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name))
                .collect(Collectors.toList());
        if (named.size() != 1) {
            throw new AssertionError("expected one exported span " + name + ", got " + exporter.getFinishedSpanItems());
        }
        return named.get(0);
    }

    List<SpanData> allExported() {
        return exporter.getFinishedSpanItems();
    }

    static List<String> eventNames(SpanData span) {
        return span.getEvents().stream().map(EventData::getName).collect(Collectors.toList());
    }

    static List<EventData> events(SpanData span, String name) {
        return span.getEvents().stream()
                .filter(event -> event.getName().equals(name))
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        provider.close();
    }
}
