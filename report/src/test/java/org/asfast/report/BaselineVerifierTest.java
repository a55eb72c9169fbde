package org.asfast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Every derived cell of Ousterhout's Tables 2-10 against its recomputation from the same row. */
class BaselineVerifierTest {
    static final Path BASELINES = Path.of("..", "results", "baselines");

    @Test
    void everyDerivedCellIsCheckedAndOnlyTheKnownErrataDisagree() {
        Baselines baselines = Baselines.load(BASELINES);
        List<BaselineVerifier.Check> checks = BaselineVerifier.verify(baselines);
        // Tables 2,3,6 have 16 rows, 4 has 16, 5 has 15, 7 has 25 totals, 8 has 3*14-2*3, 9 has 27, 10 has 27.
        int ousterhout = 16 + 16 + 16 + 15 + 16 + 25 + (14 * 3 - 3 * 2) + 27 + 27;
        int others = 6 + 5 + 10 + 8 + 2; // Cheriton Table I and text; Thekkath 1a, 1b and text
        assertEquals(ousterhout + others, checks.size());
        for (BaselineVerifier.Check check : checks) {
            System.out.printf("%-3s %-32s %-30s printed %-6s recomputed %.4f %s%n", check.printed().table(), check.printed().row(),
                    check.printed().column(), check.printed().text(), check.recomputed(), check.agrees() ? "" : "ERRATUM");
        }
        Set<String> errata = checks.stream().filter(c -> !c.agrees())
                .map(c -> (c.printed().paper().equals("ousterhout1990") ? "" : c.printed().paper() + " ") + c.printed().table() + " " + c.printed().row())
                .collect(Collectors.toSet());
        assertTrue(errata.contains("5 Sun4 Sprite"), "the issue's example erratum, 0.55 printed vs 5.0/8 = 0.625");
        assertEquals(Set.of("5 Sun4 Sprite", "5 Sun4 SunOS 4.0.3", "5 Sun4 Mach 2.5", "5 DS3100 Sprite", "5 DS3100 Mach 2.5", "5 DS3100 Ultrix 3.1",
                "10 M2000 RISC/os 4.0 Local",
                "cheriton1988 text MicroVAX II V remote"), errata, "the 11% byte-stream UIO overhead is not reproducible from Table II");
    }

    @Test
    void lastDigitUnitFollowsThePrintedPrecision() {
        assertEquals(0.01, BaselineVerifier.lastDigitUnit("0.55"), 1e-12);
        assertEquals(1.0, BaselineVerifier.lastDigitUnit("21"), 1e-12);
        assertEquals(0.1, BaselineVerifier.lastDigitUnit("1.0"), 1e-12);
        assertFalse(Math.abs(0.625 - 0.55) <= BaselineVerifier.lastDigitUnit("0.55"));
    }
}
