package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the guides honest: every {@code ```java} block in {@code docs/*.md} and the README must be preceded by
 * {@code <!-- snippet: name -->} and equal, line for line after removing the common indentation, the region
 * {@code // region name} … {@code // endregion} of a test under {@code docs/src/test/java} or a client module's
 * {@code src/test/java}, which the build compiles and runs.
 */
class SnippetCheckTest {
    private static final Path DOCS = Path.of("").toAbsolutePath();
    private static final Pattern BLOCK =
            Pattern.compile("(?:<!-- snippet: ([\\w-]+) -->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern REGION =
            Pattern.compile("// region ([\\w-]+)\\n(.*?)\\n\\s*// endregion", Pattern.DOTALL);

    @Test
    void everyJavaBlockIsACompiledAndTestedRegion() throws IOException {
        Map<String, String> regions = regions();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path markdown : markdownFiles()) {
            Matcher block = BLOCK.matcher(Files.readString(markdown));
            while (block.find()) {
                String name = block.group(1);
                String where = DOCS.relativize(markdown.toAbsolutePath()) + ": ";
                if (name == null) {
                    problems.add(where + "a ```java block without <!-- snippet: name -->:\n" + block.group(2));
                    continue;
                }
                String region = regions.get(name);
                if (region == null) {
                    problems.add(where + "no region '" + name + "' in any module's src/test/java");
                } else if (!normalise(region).equals(normalise(block.group(2)))) {
                    problems.add(where + "snippet '" + name + "' differs from its region:\n--- region\n"
                            + normalise(region) + "\n--- markdown\n" + normalise(block.group(2)));
                }
                checked++;
            }
        }

        assertThat(problems).as("snippets").isEmpty();
        assertThat(checked).as("snippets checked").isPositive();
    }

    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> docs = Files.list(DOCS)) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        Path readme = DOCS.resolveSibling("README.md");
        if (Files.exists(readme)) {
            files.add(readme);
        }
        return files;
    }

    private static Map<String, String> regions() throws IOException {
        Map<String, String> regions = new HashMap<>();
        List<Path> testRoots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(DOCS.getParent())) {
            modules.map(m -> m.resolve("src/test/java"))
                    .filter(Files::isDirectory)
                    .forEach(testRoots::add);
        }
        for (Path root : testRoots) {
            List<Path> sources;
            try (Stream<Path> files = Files.walk(root)) {
                sources = files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
            }
            for (Path source : sources) {
                Matcher region = REGION.matcher(Files.readString(source));
                while (region.find()) {
                    String previous = regions.put(region.group(1), region.group(2));
                    assertThat(previous)
                            .as("region %s defined twice", region.group(1))
                            .isNull();
                }
            }
        }
        return regions;
    }

    /** Drops blank edge lines and the common indentation; trailing spaces never count. */
    static String normalise(String code) {
        List<String> lines = code.lines().map(String::stripTrailing).collect(Collectors.toList());
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }
}
