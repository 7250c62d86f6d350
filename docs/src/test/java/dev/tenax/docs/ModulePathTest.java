package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryPolicy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tenax core as the named module {@code dev.tenax.core} on the module path, in a JVM of its own: {@code jdk.jfr}
 * is optional ({@code requires static}), so a runtime without it (as a jlink image made without it) still runs
 * retries and its listeners, without the JFR one.
 */
class ModulePathTest {
    @Test
    void withJfrTheDefaultListenersIncludeTheJfrEvent() throws Exception {
        String out = probe(List.of());

        assertThat(out)
                .contains("result ok after 2 attempts")
                .contains("listener LoggingListener")
                .contains("listener JfrListener")
                .contains("module dev.tenax.core");
    }

    @Test
    void withoutJdkJfrRetriesStillRunAndTheJfrListenerIsNeverLoaded() throws Exception {
        // the observable modules of a jlink image made of java.base and Tenax core alone
        String out = probe(List.of("--limit-modules", "java.base,dev.tenax.core"));

        assertThat(out)
                .contains("result ok after 2 attempts")
                .contains("listener LoggingListener")
                .doesNotContain("JfrListener")
                .doesNotContain("NoClassDefFoundError")
                .contains("module dev.tenax.core");
    }

    private static String probe(List<String> options) throws IOException, InterruptedException, URISyntaxException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("--module-path");
        command.add(location(RetryPolicy.class));
        command.add("--add-modules");
        command.add("dev.tenax.core");
        command.add("-cp");
        command.add(location(JfrProbe.class));
        command.add(JfrProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
        assertThat(process.exitValue())
                .as("probe's exit code; output:%n%s", out)
                .isZero();
        return out;
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }
}
