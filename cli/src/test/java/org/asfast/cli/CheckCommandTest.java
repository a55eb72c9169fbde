package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** asfast check: a table of configurations with their states, and a violation's trace; bad input is one line, exit 2. */
class CheckCommandTest {

    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome check(String... args) {
        PrintStream savedOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            picocli.CommandLine line = Main.commandLine();
            line.setErr(new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
            String[] all = new String[args.length + 1];
            all[0] = "check";
            System.arraycopy(args, 0, all, 1, args.length);
            return new Outcome(line.execute(all), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
        }
    }

    @Test
    void printsEachConfigurationsStatesAndTheExpectedViolationsTrace() {
        Outcome o = check("--system", "rpc", "--depth", "6");
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("rpc") && l.contains("2 clients x 1 call") && l.contains("invariants hold")), o.out());
        assertTrue(o.out().contains("violation (expected: RequestReply's documented limit"), o.out());
        assertTrue(o.out().contains("crash node 0"), o.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (String[] args : new String[][] {{"--system", "nope"}, {"--depth", "0"}, {"--depth", "many"}}) {
            Outcome o = check(args);
            assertEquals(2, o.exitCode(), String.join(" ", args) + ": " + o.err());
            assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        }
    }
}
