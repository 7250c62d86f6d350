package dev.tenax.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options of the load harnesses; {@code --help} lists them. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "' (options are --name value)");
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                values.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(key, args[++i]);
            } else {
                values.put(key, "true");
            }
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A comma-separated list, blanks dropped; {@code fallback} when the option is absent. */
    List<String> getList(String name, String fallback) {
        List<String> out = new ArrayList<>();
        String v = values.getOrDefault(name, fallback);
        int from = 0;
        while (from <= v.length()) {
            int comma = v.indexOf(',', from);
            int end = comma < 0 ? v.length() : comma;
            String item = v.substring(from, end).trim();
            if (!item.isEmpty()) {
                out.add(item);
            }
            from = end + 1;
        }
        return out;
    }

    int getInt(String name, int fallback) {
        String v = values.get(name);
        return v == null ? fallback : Integer.parseInt(v.trim());
    }
}
