package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** asfast rmem: the scaling table and its CSV; one READ of a named segment; bad input is one line, exit 2, nothing written. */
class RmemCommandTest {
    @TempDir
    Path dir;

    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome rmem(String... args) {
        PrintStream savedOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            picocli.CommandLine line = Main.commandLine();
            line.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
            String[] all = new String[args.length + 1];
            all[0] = "rmem";
            System.arraycopy(args, 0, all, 1, args.length);
            return new Outcome(line.execute(all), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
        }
    }

    @Test
    void scalingRunsBothSchemesForEachClientCountAndWritesTheirRows() throws IOException {
        Outcome o = rmem("--clients", "1,10", "--operations", "5", "--out", dir.toString());
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
        Outcome o = rmem("--access", "demo:0:40");
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().startsWith("READ of 40 bytes at offset 0 of 'demo'"), o.out());
    }

    @Test
    void badInputIsOneLineExitTwoAndWritesNothing() throws IOException {
        Path out = dir.resolve("out");
        for (String[] args : List.of(new String[] {"--clients", "10,abc"}, new String[] {"--clients", "2000000000"}, new String[] {"--access", "demo:4090:40"},
                new String[] {"--access", "no-such:0:4"}, new String[] {"--access", "demo:0"})) {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--out";
            all[args.length + 1] = out.toString();
            Outcome o = rmem(all);
            assertEquals(2, o.exitCode(), String.join(" ", args) + ": " + o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
        }
        assertTrue(rmem("--clients", "10,abc").err().contains("'abc' is not a number"));
        assertTrue(rmem("--clients", "2000000000").err().contains("use at most"));
        assertTrue(rmem("--access", "demo:4090:40").err().contains("segment out of range"));
        assertTrue(rmem("--access", "no-such:0:4").err().contains("unknown name 'no-such'"));
    }
}
