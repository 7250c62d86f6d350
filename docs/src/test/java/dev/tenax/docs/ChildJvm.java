package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a probe's {@code main} in a JVM of its own, for what must not touch the test JVM (module path, loggers). */
final class ChildJvm {
    private ChildJvm() {}

    /**
     * Runs this JDK's {@code java} with {@code arguments}; asserts it ends within a minute with exit code 0.
     *
     * @return its standard output and error, interleaved
     */
    static String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
        assertThat(process.exitValue())
                .as("probe's exit code; output:%n%s", out)
                .isZero();
        return out;
    }

    /** The jar or class directory {@code type} was loaded from. */
    static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }
}
