package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** asfast check: a table of configurations with their states, and a violation's trace; bad input is one line, exit 2. */
class CheckCommandTest {

    static CliRun check(String... args) {
        return CliRun.command("check", args);
    }

    @Test
    void printsEachConfigurationsStatesAndTheExpectedViolationsTrace() {
        CliRun o = check("--system", "rpc", "--depth", "6");
        assertEquals(0, o.exitCode(), o.out() + o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("rpc") && l.contains("2 clients x 1 call") && l.contains("invariants hold")), o.out());
        assertTrue(o.out().contains("violation (known: RequestReply's documented limit"), o.out());
        assertTrue(o.out().contains("crash node 0"), o.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (String[] args : new String[][] {{"--system", "nope"}, {"--depth", "0"}, {"--depth", "many"}}) {
            CliRun o = check(args);
            assertEquals(2, o.exitCode(), String.join(" ", args) + ": " + o.err());
            assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        }
    }
}
