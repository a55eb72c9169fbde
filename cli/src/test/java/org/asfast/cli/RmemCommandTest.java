package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** asfast rmem: the scaling table and its CSV; one READ of a named segment; bad input is one line, exit 2, nothing written. */
class RmemCommandTest {
    @TempDir
    Path dir;

    static CliRun rmem(String... args) {
        return CliRun.command("rmem", args);
    }

    @Test
    void scalingRunsBothSchemesForEachClientCountAndWritesTheirRows() throws IOException {
        CliRun o = rmem("--clients", "1,10", "--operations", "5", "--out", dir.toString());
        assertEquals(0, o.exitCode(), o.out() + o.err());
        List<String> rows = Files.readAllLines(dir.resolve("rmem-scale.csv"));
        List<String> figures = Files.readAllLines(dir.resolve("rmem-figures.csv"));
        assertEquals(1 + 2 * 8, figures.size(), "a header and Table 1a's eight operations under two schemes: " + figures);
        assertTrue(o.out().contains("server load DX / Hybrid-1"), o.out());
        assertEquals(5, rows.size(), "a header and two schemes x two client counts: " + rows);
        assertTrue(rows.get(1).startsWith("HYBRID_1,1,5,") && rows.get(4).startsWith("DX,10,50,"), rows.toString());
    }

    @Test
    void oneReadOfTheDemoSegment() {
        CliRun o = rmem("--access", "demo:0:40");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().startsWith("READ of 40 bytes at offset 0 of 'demo'"), o.out());
    }

    @Test
    void badInputIsOneLineExitTwoAndWritesNothing() throws IOException {
        Path out = dir.resolve("out");
        for (String[] args : List.of(new String[] {"--clients", "10,abc"}, new String[] {"--clients", "2000000000"}, new String[] {"--clients", "99999999999"}, new String[] {"--access", "demo:4090:40"},
                new String[] {"--access", "no-such:0:4"}, new String[] {"--access", "demo:0"}, new String[] {"--access", "demo:0:99999"},
                new String[] {"--access", "demo:0:99999999999"}, new String[] {"--access", "demo:x:4"},
                new String[] {"--clients", "1", "--access", "demo:0:8"}, new String[] {"--clients", ","}, new String[] {"--clients", "10,10"},
                new String[] {"--clients", "01,1"}, new String[] {"--clients", "\uff11"}, new String[] {"--access", "demo:1:2147483647"},
                new String[] {"--clients", "1", "--baselines", Files.createDirectories(dir.resolve("empty-baselines")).toString()})) {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--out";
            all[args.length + 1] = out.toString();
            CliRun o = rmem(all);
            assertEquals(2, o.exitCode(), String.join(" ", args) + ": " + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
        }
        assertTrue(rmem("--clients", "10,abc").err().contains("'abc' is not a number"));
        assertTrue(rmem("--clients", "2000000000").err().contains("use at most"));
        assertTrue(rmem("--clients", "99999999999").err().startsWith("asfast: --clients: 99999999999 simulated client machines are more than this JVM's heap holds; use at most "));
        assertTrue(rmem("--access", "demo:4090:40").err().contains("segment out of range"));
        assertTrue(rmem("--access", "no-such:0:4").err().contains("unknown name 'no-such'"));
        assertTrue(rmem("--access", "demo:0:99999").err().contains("give from 0 to 4096 bytes"), "more bytes than the segment has: no offset fits");
        assertEquals("asfast: --access 'demo:0:99999999999': BYTES 99999999999 is too large; a READ stays inside its segment ('demo' has 4096 bytes), e.g. demo:0:40",
                rmem("--access", "demo:0:99999999999").err().strip(), "a number past int is too large, not 'not a whole number'");
        assertTrue(rmem("--access", "99999999999:0:4").err().contains("unknown name"), "the name is not a number to check");
        assertTrue(rmem("--access", "demo:3000000000:4").err().contains("OFFSET 3000000000 is too large"));
        assertTrue(rmem("--access", "demo:-3000000000:4").err().contains("OFFSET -3000000000 is too small"), "a negative number past int is one too");
        assertTrue(rmem("--access", "demo:x:4").err().contains("OFFSET and BYTES must be whole numbers"));
        assertTrue(rmem("--operations", "5", "--access", "demo:0:8").err().contains("give --access, or --clients and --operations, not both"));
        assertTrue(rmem("--clients", "01,1").err().contains("--clients names 1 twice"), "the same count written two ways");
        CliRun noIndex = rmem("--clients", "1", "--baselines", dir.resolve("empty-baselines").toString());
        assertTrue(noIndex.err().contains("pass --baselines the folder that holds index.csv") && noIndex.out().isEmpty(), "rmem's own option, before any work: " + noIndex.err());
        assertTrue(rmem("--access", "demo:1:2147483647").err().contains("segment out of range"), "not the heap's error: no segment of that size is allocated");
        // A folder where the second file goes: refused before anything is written, so the first file keeps its earlier content.
        Path earlier = Files.createDirectories(dir.resolve("earlier"));
        Files.writeString(earlier.resolve("rmem-figures.csv"), "earlier figures");
        Files.createDirectories(earlier.resolve("rmem-scale.csv"));
        CliRun inTheWay = rmem("--clients", "1", "--operations", "1", "--out", earlier.toString());
        assertEquals(2, inTheWay.exitCode(), inTheWay.err());
        assertTrue(inTheWay.err().startsWith("asfast: cannot write " + earlier.resolve("rmem-scale.csv") + ": something other than a file is in its place"), inTheWay.err());
        assertEquals("earlier figures", Files.readString(earlier.resolve("rmem-figures.csv")), "no earlier result overwritten");
        Path aFile = Files.writeString(dir.resolve("a-file"), "not a folder");
        CliRun nowhere = rmem("--clients", "1", "--out", aFile.resolve("out").toString());
        assertEquals(2, nowhere.exitCode(), nowhere.err());
        assertTrue(nowhere.err().startsWith("asfast: cannot write rmem-figures.csv and rmem-scale.csv to ") && nowhere.out().isEmpty(), "refused before the run: " + nowhere.err());
    }

    @Test
    void operationsPastWhatTheCommandRunsInMinutesAreRefusedInOneLineExitTwo() {
        Path out = dir.resolve("out");
        // 2e9 operations per client ran until killed: refused at once instead (the timeout fails the test, not the run).
        for (String[] args : List.of(new String[] {"--operations", "2000000000"}, new String[] {"--clients", "1000", "--operations", "10001"})) {
            CliRun o = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> rmem(concat(args, "--out", out.toString())), String.join(" ", args));
            assertEquals(2, o.exitCode(), String.join(" ", args) + ": " + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertTrue(o.err().contains("more than the limit of 10000000"), o.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
        }
        assertTrue(rmem("--operations", "2000000000").err().startsWith("asfast: --operations 2000000000 with --clients 1,10,100,1000 is 2222000000000 simulated"
                + " operations per scheme"), "names the product it refuses");
        assertTrue(rmem("--operations", "2000000000").err().contains("use at most 9000 operations with these clients, or fewer clients"), "and how to fix it");
        assertTrue(rmem("--operations", "2000000000").err().contains("(about 66 s a scheme at 150000 operations a second, measured on a 2-core machine at a load"
                + " of 2.5; indicative; these would take about 171 days)"), "the rate is the one measured, at the load it was measured at");
        assertDoesNotThrow(() -> RmemCommand.checkOperations(List.of(1000), 10_000), "the limit itself runs");
        assertDoesNotThrow(() -> RmemCommand.checkOperations(RmemCommand.RUN_CLIENTS, RmemCommand.RUN_OPERATIONS), "the main job's run");
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
