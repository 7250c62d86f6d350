package dev.tenax.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenax.Tenax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResilientPollerTest {
    private static final int PAGES = 20;

    @Test
    void savesEveryPageInOrderDespiteFaults(@TempDir Path dir) throws IOException {
        // given a flaky server and a poller whose policy counts its retries, in testing mode (no waits)
        AtomicInteger retries = new AtomicInteger();
        List<Path> announced = new ArrayList<>();
        Tenax.Handle testing = Tenax.setTesting(true, 10, false);
        try (FlakyServer server = FlakyServer.start(Demo.SEED, PAGES);
                PageFetcher fetcher = new JdkPageFetcher(PollerPolicy.create(details -> retries.incrementAndGet()))) {

            // when it polls every page
            List<Path> saved = new ResilientPoller(fetcher, dir).poll(server.firstPage(), announced::add);

            // then every page is saved, in order, with the server's content, and retries were needed
            List<Path> expected = IntStream.rangeClosed(1, PAGES)
                    .mapToObj(page -> dir.resolve(ResilientPoller.fileName(page)))
                    .toList();
            assertThat(saved).containsExactlyElementsOf(expected);
            assertThat(announced).containsExactlyElementsOf(expected);
            for (int page = 1; page <= PAGES; page++) {
                assertThat(dir.resolve(ResilientPoller.fileName(page))).hasContent(FlakyServer.body(page, PAGES));
            }
            assertThat(server.attempts()).isGreaterThan(PAGES);
            assertThat(retries.get()).isPositive();
            assertThat(server.attempts()).isGreaterThanOrEqualTo(PAGES + retries.get());
        } finally {
            testing.close();
        }
    }

    @Test
    void leavesNoTemporaryFilesBehind(@TempDir Path dir) throws IOException {
        Tenax.Handle testing = Tenax.setTesting(true, 10, false);
        try (FlakyServer server = FlakyServer.start(Demo.SEED, 3);
                PageFetcher fetcher = new JdkPageFetcher(PollerPolicy.create(details -> {}))) {

            new ResilientPoller(fetcher, dir).poll(server.firstPage(), file -> {});

            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .containsExactlyInAnyOrder("page-0001.json", "page-0002.json", "page-0003.json");
            }
        } finally {
            testing.close();
        }
    }
}
