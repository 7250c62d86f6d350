package dev.tenax.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Walks a paginated API from its first page, following {@code "next"}, and saves each page to
 * {@code page-0001.json}, {@code page-0002.json}, … as soon as it arrives, before asking for the next one. Each
 * file is written under a temporary name and then renamed, so a crash loses at most the page in flight and never
 * leaves half a page behind.
 *
 * <p>Retrying is the {@link PageFetcher}'s business; the poller only sees pages or the final failure.
 */
final class ResilientPoller {
    private final PageFetcher fetcher;
    private final Path outputDir;

    ResilientPoller(PageFetcher fetcher, Path outputDir) {
        this.fetcher = fetcher;
        this.outputDir = outputDir;
    }

    /**
     * Fetches and saves every page.
     *
     * @param firstPage the URI of the first page; later pages differ only in the {@code page} query parameter
     * @param onSaved told about each file right after it was saved
     * @return the saved files, in page order
     * @throws IOException when a page could not be fetched (after retries) or saved; the pages before it are saved
     */
    List<Path> poll(URI firstPage, Consumer<? super Path> onSaved) throws IOException {
        Files.createDirectories(outputDir);
        List<Path> saved = new ArrayList<>();
        URI uri = firstPage;
        for (; ; ) {
            byte[] body = fetcher.fetch(uri);
            Page page = Page.parse(body);
            Path file = save(page.number(), body);
            saved.add(file);
            onSaved.accept(file);
            OptionalInt next = page.next();
            if (next.isEmpty()) {
                return saved;
            }
            uri = withPage(firstPage, next.getAsInt());
        }
    }

    /** The file name of a page. */
    static String fileName(int page) {
        return String.format(Locale.ROOT, "page-%04d.json", page);
    }

    private Path save(int page, byte[] body) throws IOException {
        Path target = outputDir.resolve(fileName(page));
        Path temp = Files.createTempFile(outputDir, ".page-", ".tmp");
        try {
            Files.write(temp, body);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    // built by hand: URI.resolve("?page=2") drops the last path segment (RFC 2396 rules)
    private static URI withPage(URI first, int page) {
        return URI.create(first.getScheme() + "://" + first.getRawAuthority() + first.getRawPath() + "?page=" + page);
    }
}
