package dev.tenax.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the guides honest: every {@code ```java} and {@code ```kotlin} block in {@code docs/*.md} and the README
 * must be preceded by {@code <!-- snippet: name -->} and equal, line for line after removing the common
 * indentation, the region {@code // region name} … {@code // endregion} of a test under a module's
 * {@code src/test/java} or {@code src/test/kotlin}, which the build compiles and runs.
 *
 * <p>A block starts with the imports its code needs, so that it compiles as copied: exactly the imports of the
 * region's source file whose simple name the region uses (types of the reader's own, such as {@code User}, and
 * {@code java.lang} need none).
 */
class SnippetCheckTest {
    private static final Path DOCS = Path.of("").toAbsolutePath();
    private static final Pattern BLOCK =
            Pattern.compile("(?:<!-- snippet: ([\\w-]+) -->\\s*\\n)?```(java|kotlin)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern REGION =
            Pattern.compile("// region ([\\w-]+)\\n(.*?)\\n\\s*// endregion", Pattern.DOTALL);
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?([\\w.]+?)(?: as \\w+)?;?$", Pattern.MULTILINE);

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);?$", Pattern.MULTILINE);

    /** A region and the imports of the file it is in, with the public types of its own package (not imported). */
    record Region(String code, List<String> fileImports) {}

    @Test
    void everyJavaBlockIsACompiledAndTestedRegion() throws IOException {
        Map<String, Region> regions = regions();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path markdown : markdownFiles()) {
            Matcher block = BLOCK.matcher(Files.readString(markdown));
            while (block.find()) {
                String name = block.group(1);
                String where = DOCS.relativize(markdown.toAbsolutePath()) + ": ";
                if (name == null) {
                    problems.add(where + "a ```" + block.group(2) + " block without <!-- snippet: name -->:\n"
                            + block.group(3));
                    continue;
                }
                Region region = regions.get(name);
                List<String> shown = new ArrayList<>();
                String code = splitImports(block.group(3), shown);
                if (region == null) {
                    problems.add(where + "no region '" + name + "' in any module's src/test/java or src/test/kotlin");
                    continue;
                }
                if (!normalise(region.code()).equals(normalise(code))) {
                    problems.add(where + "snippet '" + name + "' differs from its region:\n--- region\n"
                            + normalise(region.code()) + "\n--- markdown\n" + normalise(code));
                }
                Set<String> needed = importsUsed(region);
                if (!needed.equals(new TreeSet<>(shown))) {
                    problems.add(where + "snippet '" + name + "' must start with exactly the imports it uses:\n"
                            + "--- needed\n" + String.join("\n", needed) + "\n--- shown\n"
                            + String.join("\n", new TreeSet<>(shown)));
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

    /**
     * Moves the block's leading import lines (and the blank lines among them) into {@code imports}.
     *
     * @return the code after them
     */
    static String splitImports(String block, List<String> imports) {
        List<String> lines = new ArrayList<>(block.lines().collect(Collectors.toList()));
        int first = 0;
        while (first < lines.size()) {
            String line = lines.get(first).strip();
            Matcher statement = IMPORT.matcher(line);
            if (statement.matches()) {
                imports.add(statement.group(1));
            } else if (!line.isEmpty()) {
                break;
            }
            first++;
        }
        return String.join("\n", lines.subList(first, lines.size()));
    }

    /** The imports of the region's file whose simple name the region's code uses. */
    static Set<String> importsUsed(Region region) {
        Set<String> used = new TreeSet<>();
        for (String imported : region.fileImports()) {
            String simpleName = imported.substring(imported.lastIndexOf('.') + 1);
            if (Pattern.compile("\\b" + Pattern.quote(simpleName) + "\\b")
                    .matcher(region.code())
                    .find()) {
                used.add(imported);
            }
        }
        return used;
    }

    private static Map<String, Region> regions() throws IOException {
        Map<String, Region> regions = new HashMap<>();
        Map<String, List<String>> publicTypes = publicMainTypes();
        List<Path> testRoots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(DOCS.getParent())) {
            modules.flatMap(m -> Stream.of(m.resolve("src/test/java"), m.resolve("src/test/kotlin")))
                    .filter(Files::isDirectory)
                    .forEach(testRoots::add);
        }
        for (Path root : testRoots) {
            List<Path> sources;
            try (Stream<Path> files = Files.walk(root)) {
                sources = files.filter(p ->
                                p.toString().endsWith(".java") || p.toString().endsWith(".kt"))
                        .collect(Collectors.toList());
            }
            for (Path source : sources) {
                String text = Files.readString(source);
                List<String> fileImports = new ArrayList<>();
                Matcher statement = IMPORT.matcher(text);
                while (statement.find()) {
                    fileImports.add(statement.group(1));
                }
                // a test in the package it tests uses that package's types without importing them; a reader
                // copying the snippet into their own package needs the import all the same
                Matcher pkg = PACKAGE.matcher(text);
                if (pkg.find()) {
                    fileImports.addAll(publicTypes.getOrDefault(pkg.group(1), List.of()));
                }
                Matcher region = REGION.matcher(text);
                while (region.find()) {
                    Region previous = regions.put(region.group(1), new Region(region.group(2), fileImports));
                    assertThat(previous)
                            .as("region %s defined twice", region.group(1))
                            .isNull();
                }
            }
        }
        return regions;
    }

    /** The public top-level types of every module's {@code src/main/java}, by package, as qualified names. */
    private static Map<String, List<String>> publicMainTypes() throws IOException {
        Map<String, List<String>> types = new HashMap<>();
        List<Path> mainRoots;
        try (Stream<Path> modules = Files.list(DOCS.getParent())) {
            mainRoots = modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .collect(Collectors.toList());
        }
        for (Path root : mainRoots) {
            List<Path> sources;
            try (Stream<Path> files = Files.walk(root)) {
                sources = files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
            }
            for (Path source : sources) {
                String simpleName = source.getFileName().toString().replaceFirst("\\.java$", "");
                String text = Files.readString(source);
                Matcher pkg = PACKAGE.matcher(text);
                if (pkg.find()
                        && Pattern.compile(
                                        "^public (?:\\w+ )*(?:class|interface|record|enum|@interface) "
                                                + Pattern.quote(simpleName) + "\\b",
                                        Pattern.MULTILINE)
                                .matcher(text)
                                .find()) {
                    types.computeIfAbsent(pkg.group(1), k -> new ArrayList<>()).add(pkg.group(1) + "." + simpleName);
                }
            }
        }
        return types;
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
