package org.asfast.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names from data stay in their folder; files a user gives are read only when they are small text files; dead runs' leftovers go. */
class UserFilesTest {
    @TempDir
    Path dir;

    private static void oneLine(UserError e, String expected) {
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void onlyPlainNamesStayInTheirFolder() {
        for (String name : List.of("ousterhout1990", "table2.csv", "20261130T044833Z-2", "fast-disk")) {
            assertTrue(UserFiles.isPlainName(name), name);
            assertEquals(dir.resolve(name), UserFiles.child(dir, name, "name"));
        }
        for (String name : List.of("", "..", ".", "../../../../tmp/x", "/etc", "a/b", ".hidden", "x..y", "-rf", "a\\b", "a\u0000b")) {
            assertFalse(UserFiles.isPlainName(name), name);
            oneLine(assertThrows(UserError.class, () -> UserFiles.child(dir, name, "the paper")), "is not a plain name");
        }
    }

    @Test
    void aFifoADeviceOrAHugeFileIsRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("fifo.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        // A FIFO with no writer would block a reader for ever: it must be refused without opening it.
        oneLine(assertThrows(UserError.class, () -> UserFiles.readText(fifo, 1 << 20, "the what-if file")), "is not a regular file");
        oneLine(assertThrows(UserError.class, () -> UserFiles.readText(Path.of("/dev/zero"), 1 << 20, "the what-if file")), "is not a regular file");
        oneLine(assertThrows(UserError.class, () -> UserFiles.readText(dir, 1 << 20, "the what-if file")), "is not a regular file");
        oneLine(assertThrows(UserError.class, () -> UserFiles.readText(dir.resolve("missing.csv"), 1 << 20, "the what-if file")), "does not exist");
        Path big = Files.write(dir.resolve("big.csv"), new byte[2048]);
        oneLine(assertThrows(UserError.class, () -> UserFiles.readText(big, 1024, "the what-if file")), "is larger than 1 KB");
        Path latin1 = Files.write(dir.resolve("latin1.csv"), new byte[] {'c', 'a', 'f', (byte) 0xe9});
        oneLine(assertThrows(UserError.class, () -> UserFiles.readText(latin1, 1024, "the what-if file")), "is not UTF-8 text");
    }

    @Test
    void aByteOrderMarkIsDroppedAndLineEndsKept() throws Exception {
        Path bom = Files.write(dir.resolve("bom.csv"), "\uFEFFsubject,value\r\nx,1\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("subject,value\r\nx,1\r\n", UserFiles.readText(bom, 1024, "the what-if file"));
    }

    @Test
    void aRecordsLineIsTheEditorsLineAfterCommentsAndBlankLines() {
        String text = "subject,value\r\n# a comment\r\n\r\nx,1\r\ny,2";
        assertEquals(1, UserFiles.lineOf(text, 0, '#'));
        assertEquals(4, UserFiles.lineOf(text, text.indexOf("# a"), '#'), "a record's position may point at the comment before it");
        assertEquals(5, UserFiles.lineOf(text, text.indexOf("y,2"), '#'));
    }

    @Test
    void anUnclosedQuoteIsNamedWithItsLine() {
        UserError e = UserFiles.csvError(dir.resolve("q.csv"), new java.io.UncheckedIOException(
                new java.io.IOException("(startline 2) EOF reached before encapsulated token finished")));
        oneLine(e, "q.csv line 2: a quoted field has no closing quote");
    }

    @Test
    void onlyWhatDeadProcessesLeftIsRemoved() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        assertTrue(finished.waitFor(30, TimeUnit.SECONDS));
        long dead = finished.pid();
        long alive = ProcessHandle.current().pid();
        Path deadScratch = Files.createDirectories(dir.resolve("asfast-run-" + dead + "-1/sub"));
        Files.writeString(deadScratch.resolve("read.dat"), "x");
        Path liveScratch = Files.createDirectories(dir.resolve("asfast-run-" + alive + "-2"));
        Path other = Files.createDirectories(dir.resolve("asfast-run-other"));
        List<String> removed = FileTrees.deleteLeftovers(dir, Pattern.compile("asfast-run-(?<pid>\\d+)-.*"));
        assertEquals(List.of("asfast-run-" + dead + "-1"), removed);
        assertFalse(Files.exists(deadScratch));
        assertTrue(Files.exists(liveScratch), "a running process's scratch is its own");
        assertTrue(Files.exists(other), "a name without a process id is not ours to judge");
    }
}
