package dev.tenax.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The published module's descriptor, as compiled: tests run on the class path, so this is where its requirements
 * and exports are pinned.
 */
class ModuleDescriptorTest {
    @Test
    void itNeedsTenaxCoreAndTheOpenTelemetryApiOnlyAndExportsNoInternals() throws Exception {
        Path classes = Path.of(TenaxTracing.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        ModuleDescriptor descriptor = ModuleFinder.of(classes).findAll().stream()
                .map(ModuleReference::descriptor)
                .findFirst()
                .orElseThrow();

        assertThat(descriptor.name()).isEqualTo("dev.tenax.opentelemetry");
        assertThat(descriptor.requires().stream()
                        .filter(requires -> !requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                        .map(ModuleDescriptor.Requires::name)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        "java.base", "dev.tenax.core", "io.opentelemetry.api", "io.opentelemetry.context");
        assertThat(descriptor.exports())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactly("dev.tenax.opentelemetry");
        assertThat(descriptor.packages()).contains("dev.tenax.opentelemetry.internal");
    }
}
