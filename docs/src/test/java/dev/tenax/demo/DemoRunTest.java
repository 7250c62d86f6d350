package dev.tenax.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.Tenax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * README's demo command, as a newcomer runs it: every client saves every page against the flaky server, with the
 * policies and budget the demo ships (a default that gave up on the demo's host once made it exit on a 503).
 */
@ResourceLock("dev.tenax.Tenax")
class DemoRunTest {
    @Test
    void everyClientSavesEveryPage(@TempDir Path dir) throws IOException {
        try {
            Demo.main(new String[] {dir.toString()});
        } finally {
            Tenax.setListeners(null); // the demo silences the default listeners for its own lines
        }

        List<Path> clients;
        try (Stream<Path> each = Files.list(dir)) {
            clients = each.toList();
        }
        assertThat(clients).hasSize(7);
        for (Path client : clients) {
            try (Stream<Path> pages = Files.list(client)) {
                assertThat(pages.count())
                        .as("pages saved by %s", client.getFileName())
                        .isEqualTo(12);
            }
        }
    }
}
