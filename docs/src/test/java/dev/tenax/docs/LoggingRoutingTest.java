package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * instrumentation.md's "Routing the log lines": with SLF4J's {@code slf4j-jdk-platform-logging} (and Logback) or
 * Log4j's {@code log4j-jpl} on the class path, and nothing else configured, Tenax's {@code System.Logger} lines
 * go to that backend, level and logger name intact. Each backend runs in a JVM of its own: a LoggerFinder on this
 * JVM's class path would take every other test's log lines.
 */
class LoggingRoutingTest {
    private static final Path BACKENDS = Path.of("target", "logging-backends");

    @Test
    void slf4jWithLogbackGetsBothLinesAndTheRedactedTrace() throws Exception {
        String out = probe("slf4j", List.of());

        assertThat(out)
                .contains("WARN dev.tenax -- tenax.retry_scheduled name=routed retry_number=1")
                .contains("INFO dev.tenax -- tenax.gave_up name=routed reason=ATTEMPTS attempts=2")
                .contains("java.io.IOException: GET https://api.example.com/orders failed")
                .contains("at dev.tenax.docs.LoggingRoutingProbe")
                .contains("probe gave up with java.io.IOException")
                .doesNotContain("s3cret", "token=abc", "SLF4J(W)", "No SLF4J providers");
    }

    @Test
    void log4jGetsBothLinesAndTheRedactedTrace() throws Exception {
        // Log4j's default configuration logs ERROR and above: an application's log4j2.xml sets dev.tenax's level
        Path config = Path.of("src", "test", "resources", "logging-routing", "log4j2.xml")
                .toAbsolutePath();
        String out = probe("log4j", List.of("-Dlog4j2.configurationFile=" + config));

        assertThat(out)
                .contains("WARN  dev.tenax - tenax.retry_scheduled name=routed retry_number=1")
                .contains("INFO  dev.tenax - tenax.gave_up name=routed reason=ATTEMPTS attempts=2")
                .contains("java.io.IOException: GET https://api.example.com/orders failed")
                .contains("at dev.tenax.docs.LoggingRoutingProbe")
                .doesNotContain("s3cret", "token=abc", "No Log4j 2 configuration file found");
    }

    private static String probe(String backend, List<String> options)
            throws IOException, InterruptedException, URISyntaxException {
        List<String> classPath = new ArrayList<>();
        classPath.add(ChildJvm.location(dev.tenax.RetryPolicy.class));
        classPath.add(ChildJvm.location(LoggingRoutingProbe.class));
        try (Stream<Path> jars = Files.list(BACKENDS.resolve(backend))) {
            classPath.addAll(jars.map(Path::toString).sorted().collect(Collectors.toList()));
        }
        List<String> arguments = new ArrayList<>(options);
        arguments.add("-cp");
        arguments.add(String.join(java.io.File.pathSeparator, classPath));
        arguments.add(LoggingRoutingProbe.class.getName());
        return ChildJvm.run(arguments);
    }
}
