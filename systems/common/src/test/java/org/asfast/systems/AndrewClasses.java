package org.asfast.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.asfast.spi.Compiler;
import org.asfast.spi.Files;
import org.asfast.workloads.AndrewSourceTree;

/** The Andrew tree's classes as the host's javac makes them, and a check of the same classes on a file service. */
public final class AndrewClasses {
    private AndrewClasses() {
    }

    /** The bundled tree compiled by javac on this computer's files, as the host platform runs it: binary name to class file. */
    public static Map<String, byte[]> compiledOnTheHost(Path scratch) throws IOException {
        AndrewSourceTree tree = AndrewSourceTree.bundled();
        Path sources = scratch.resolve("src");
        Path classes = java.nio.file.Files.createDirectories(scratch.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classes.toString()));
        args.addAll(Compiler.JAVAC_OPTIONS);
        for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
            Path path = sources.resolve(file.getKey());
            java.nio.file.Files.createDirectories(path.getParent());
            java.nio.file.Files.write(path, file.getValue());
        }
        tree.javaSources().forEach(source -> args.add(sources.resolve(source).toString()));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)), "javac on the host's files");
        Map<String, byte[]> compiled = new TreeMap<>();
        try (Stream<Path> walk = java.nio.file.Files.walk(classes)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.');
                compiled.put(name.substring(0, name.length() - ".class".length()), java.nio.file.Files.readAllBytes(file));
            }
        }
        return compiled;
    }

    /**
     * Reads each of {@code expected}'s class files from {@code outputDir} through {@code files}, checks it is the host's byte for
     * byte, then defines them all in a class loader of their own and initializes each (the JVM verifies it); returns how many.
     */
    public static int assertSameClasses(Files files, String outputDir, Map<String, byte[]> expected) {
        Map<String, byte[]> read = new TreeMap<>();
        MemorySegment buffer = Arena.ofAuto().allocate(8192, 8);
        for (Map.Entry<String, byte[]> e : expected.entrySet()) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            int fd = files.openForReading(outputDir + "/" + e.getKey().replace('.', '/') + ".class");
            for (long n; (n = files.read(fd, buffer, buffer.byteSize())) > 0; ) {
                content.writeBytes(buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
            }
            files.close(fd);
            assertArrayEquals(e.getValue(), content.toByteArray(), e.getKey() + " as the host's javac makes it");
            read.put(e.getKey(), content.toByteArray());
        }
        ClassLoader loader = new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = read.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        for (String name : read.keySet()) {
            try {
                assertEquals(name, Class.forName(name, true, loader).getName());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(name + " does not load", e);
            }
        }
        return read.size();
    }
}
