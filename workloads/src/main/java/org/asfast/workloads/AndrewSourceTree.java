package org.asfast.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The program the Andrew benchmark copies and compiles: a deterministic Java source tree bundled
 * under {@code andrew/} on the class path, listed in {@code andrew/MANIFEST} ("d dir" and "f file" lines,
 * directories before their contents).
 */
public record AndrewSourceTree(List<String> directories, Map<String, byte[]> files) {
    private static final String ROOT = "andrew/";

    /** Loads the bundled tree. */
    public static AndrewSourceTree bundled() {
        List<String> directories = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String line : new String(resource("MANIFEST"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String path = line.substring(2);
            switch (line.charAt(0)) {
                case 'd' -> directories.add(path);
                case 'f' -> files.put(path, resource(path));
                default -> throw new IllegalStateException("bad line in andrew/MANIFEST: " + line);
            }
        }
        return new AndrewSourceTree(List.copyOf(directories), java.util.Collections.unmodifiableMap(files));
    }

    /** The Java sources, which the compile phase compiles. */
    public List<String> javaSources() {
        return files.keySet().stream().filter(f -> f.endsWith(".java")).toList();
    }

    /** Total bytes in all files. */
    public long totalBytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    private static byte[] resource(String path) {
        try (InputStream in = AndrewSourceTree.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("the Andrew source tree lacks " + ROOT + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
