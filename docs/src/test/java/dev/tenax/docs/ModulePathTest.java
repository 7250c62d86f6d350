package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.RetryPolicy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
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
        List<String> arguments = new ArrayList<>(options);
        arguments.add("--module-path");
        arguments.add(ChildJvm.location(RetryPolicy.class));
        arguments.add("--add-modules");
        arguments.add("dev.tenax.core");
        arguments.add("-cp");
        arguments.add(ChildJvm.location(JfrProbe.class));
        arguments.add(JfrProbe.class.getName());
        return ChildJvm.run(arguments);
    }
}
