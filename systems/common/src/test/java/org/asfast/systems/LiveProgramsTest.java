package org.asfast.systems;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Files;
import org.asfast.spi.Processes;
import org.asfast.spi.Program;
import org.asfast.spi.UserError;
import org.asfast.workloads.AndrewSourceTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cp and javac over a file service's calls, here files in memory that insist on their directories. */
class LiveProgramsTest {
    private final MemoryFiles files = new MemoryFiles();
    private final LivePrograms programs = new LivePrograms("test", files);

    @TempDir
    Path scratch;

    @Test
    void javacMakesTheHostsClassFilesOfTheAndrewTreeThroughTheFileCalls() throws Exception {
        AndrewSourceTree tree = AndrewSourceTree.bundled();
        files.mkdir("src");
        tree.directories().forEach(d -> files.mkdir("src/" + d));
        tree.files().forEach((path, content) -> files.put("src/" + path, content));
        files.mkdir("classes");
        programs.compile(tree.javaSources().stream().map(s -> "src/" + s).toList(), "classes");
        Map<String, byte[]> host = AndrewClasses.compiledOnTheHost(scratch);
        assertTrue(host.size() > tree.javaSources().size(), "nested classes too: " + host.size());
        assertEquals(host.size(), AndrewClasses.assertSameClasses(files, "classes", host));
        assertEquals(host.size(), files.names().stream().filter(n -> n.endsWith(".class")).count(), "no other class file");
        assertEquals(0, files.open.size(), "every descriptor closed");
    }

    @Test
    void aCompileErrorIsOneLineNamingTheFile() {
        sources(Map.of("Good.java", "class Good {}", "Bad.java", "class Bad { int x = ; Undefined y; }"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> programs.compile(List.of("src/Good.java", "src/Bad.java"), "out"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("javac failed on the Andrew source tree on test: ") && e.getMessage().contains("src/Bad.java:1: "), e.getMessage());
        assertEquals(0, files.open.size(), "every descriptor closed");
    }

    @Test
    void aFileCallsFailureInsideJavacIsThrownAsItself() {
        sources(Map.of("A.java", "class A {}"));
        UserError gone = new UserError("Sprite read: no answer within 60000 ms");
        files.failReads = gone;
        assertSame(gone, assertThrows(UserError.class, () -> programs.compile(List.of("src/A.java"), "out")));
    }

    @Test
    void cpCopiesTheFileInProcessAndNothingElseStarts() {
        byte[] content = new byte[20_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        files.put("from", content);
        try (Processes.Child cp = programs.spawn(Program.copyFile("from", "to"), -1, -1, Processes.Placement.ANY)) {
            assertEquals(0, cp.waitFor());
        }
        assertArrayEquals(content, files.content("to"));
        assertEquals(0, files.open.size(), "both descriptors closed");
        assertThrows(CapabilityMissing.class, () -> programs.spawn(Program.echo(), -1, -1, Processes.Placement.SAME_CPU));
    }

    /** Sources in src/ and an empty out/. */
    private void sources(Map<String, String> sources) {
        files.mkdir("src");
        files.mkdir("out");
        sources.forEach((name, text) -> files.put("src/" + name, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Files in memory; a file or directory needs its directory, as on a file server. */
    static final class MemoryFiles implements Files {
        private final Map<String, byte[]> contents = new HashMap<>();
        private final Set<String> directories = new HashSet<>(Set.of(""));
        final Map<Integer, long[]> open = new HashMap<>(); // fd -> offset (-1: writing)
        private final Map<Integer, String> paths = new HashMap<>();
        private int next = 3;
        RuntimeException failReads;

        void put(String path, byte[] content) {
            requireDirectory(path);
            contents.put(path, content.clone());
        }

        byte[] content(String path) {
            return contents.get(path).clone();
        }

        Set<String> names() {
            return contents.keySet();
        }

        private void requireDirectory(String path) {
            int slash = path.lastIndexOf('/');
            if (!directories.contains(slash < 0 ? "" : path.substring(0, slash))) {
                throw new UserError("no directory for " + path);
            }
        }

        @Override
        public int openForReading(String path) {
            if (!contents.containsKey(path)) {
                throw new UserError("no file " + path);
            }
            paths.put(next, path);
            open.put(next, new long[] {0});
            return next++;
        }

        @Override
        public int create(String path) {
            put(path, new byte[0]);
            paths.put(next, path);
            open.put(next, new long[] {-1});
            return next++;
        }

        @Override
        public long read(int fd, MemorySegment buffer, long bytes) {
            if (failReads != null) {
                throw failReads;
            }
            byte[] content = contents.get(paths.get(fd));
            long[] at = open.get(fd);
            int n = (int) Math.min(bytes, content.length - at[0]);
            MemorySegment.copy(content, (int) at[0], buffer, ValueLayout.JAVA_BYTE, 0, n);
            at[0] += n;
            return n;
        }

        @Override
        public long write(int fd, MemorySegment buffer, long bytes) {
            String path = paths.get(fd);
            byte[] old = contents.get(path);
            byte[] grown = java.util.Arrays.copyOf(old, old.length + (int) bytes);
            MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, grown, old.length, (int) bytes);
            contents.put(path, grown);
            return bytes;
        }

        @Override
        public void rewind(int fd) {
            open.get(fd)[0] = 0;
        }

        @Override
        public void close(int fd) {
            if (open.remove(fd) == null) {
                throw new IllegalArgumentException("descriptor " + fd + " is not open");
            }
        }

        @Override
        public void unlink(String path) {
            contents.remove(path);
        }

        @Override
        public long stat(String path) {
            return contents.get(path).length;
        }

        @Override
        public void mkdir(String path) {
            requireDirectory(path);
            if (!directories.add(path) || contents.containsKey(path)) {
                throw new UserError(path + " exists");
            }
        }

        @Override
        public void requireFreeSpace(long bytes, String purpose) {
            // memory enough
        }
    }
}
