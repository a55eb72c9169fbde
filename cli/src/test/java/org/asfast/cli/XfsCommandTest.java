package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** asfast xfs: bad client counts and system names are one line with exit 2 and leave nothing; a small run writes its table. */
class XfsCommandTest {
    @TempDir
    Path dir;

    private CliRun xfs(String... args) {
        return CliRun.of(Stream.concat(Stream.of("xfs", "--out", dir.resolve("out").toString()), Stream.of(args)).toArray(String[]::new));
    }

    private void refused(CliRun outcome, String expected) {
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("asfast: ") && outcome.err().contains(expected), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), "one line: " + outcome.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "no process left");
    }

    @Test
    void badInputIsOneLineWithExitTwoAndLeavesNothing() {
        refused(xfs("--clients", "10,many"), "client count 'many' is not a whole number");
        refused(xfs("--clients", "0"), "is not positive");
        refused(xfs("--clients", "1,2000000000"), "give at most");
        refused(xfs("--system", "nfs"), "unknown system 'nfs'");
        refused(xfs("--system", ","), "--system names nothing; give e.g. --system xfs,central");
        refused(xfs("--clients", ","), "--clients names nothing");
        refused(xfs("--clients", "2,2"), "--clients names '2' twice; give each once");
        refused(xfs("--system", "xfs,central,xfs"), "--system names 'xfs' twice");
        refused(xfs("--clients", "01,1"), "--clients names 1 twice");
        refused(xfs("--clients", "0000000000"), "client count 0 is not positive");
        refused(xfs("--clients", "2147483648"), "client count 2147483648 is more simulated clients than this JVM can hold; give at most ");
        refused(xfs("--clients", "\uff11"), "is not a whole number");
        Path aFile = dir.resolve("a-file");
        try {
            Files.writeString(aFile, "not a folder");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRun nowhere = CliRun.of("xfs", "--clients", "1", "--out", aFile.resolve("out").toString());
        assertEquals(2, nowhere.exitCode(), nowhere.err());
        assertTrue(nowhere.err().startsWith("asfast: cannot write xfs-scaling.csv and its charts to ") && nowhere.out().isEmpty(), "refused before the run: " + nowhere.err());
    }

    @Test
    void aSmallRunWritesOneRowPerSystemAndClientCount() throws Exception {
        CliRun outcome = xfs("--clients", "1,3");
        assertEquals(0, outcome.exitCode(), outcome.err());
        List<String> rows = Files.readAllLines(dir.resolve("out").resolve(XfsCommand.FILE));
        assertEquals(5, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(1).startsWith("xfs,1,20,") && rows.get(4).startsWith("central,3,60,"), String.join("\n", rows));
        assertTrue(Files.readString(dir.resolve("out").resolve(XfsCommand.LATENCY_CHART)).startsWith("<svg"));
        assertTrue(Files.readString(dir.resolve("out").resolve(XfsCommand.LOAD_CHART)).startsWith("<svg"));
    }

    @Test
    void aFolderWhereAChartGoesIsRefusedBeforeTheTableIsReplaced() throws Exception {
        Path earlier = Files.createDirectories(dir.resolve("earlier"));
        Files.writeString(earlier.resolve(XfsCommand.FILE), "earlier table");
        Files.createDirectories(earlier.resolve(XfsCommand.LATENCY_CHART).resolve("x"));
        CliRun outcome = CliRun.of("xfs", "--clients", "1", "--system", "xfs", "--out", earlier.toString());
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), "one line, no stack trace: " + outcome.err());
        assertTrue(outcome.err().contains("something other than a file is in its place"), outcome.err());
        assertEquals("earlier table", Files.readString(earlier.resolve(XfsCommand.FILE)), "no earlier result overwritten");
    }
}
