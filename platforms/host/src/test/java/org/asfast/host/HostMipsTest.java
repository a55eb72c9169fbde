package org.asfast.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostMipsTest {

    @Test
    void dhrystoneComputesTheReferenceFinalValues() {
        Dhrystone dhrystone = new Dhrystone();
        for (int runs : new int[] {1, 2, 1000, 100_000}) {
            dhrystone.run(runs);
            dhrystone.verify(runs); // throws if any value differs from the reference program's "should be"
        }
    }

    @Test
    void measuredRatingIsTheBestTrialWithItsSpreadAndTheCCheck(@TempDir Path scratch) throws Exception {
        HostMips mips = HostMips.measure(scratch);
        assertTrue(mips.mips() > 1, "any current CPU beats a VAX-11/780: " + mips.mips());
        assertEquals(mips.dhrystonesPerSecond() / 1757, mips.mips(), 1e-6);
        assertTrue(mips.method().contains("Dhrystone 2.1") && mips.method().contains("1757"));
        TrialSpread spread = mips.spread();
        assertEquals(HostMips.TRIALS, spread.trials());
        assertEquals(mips.mips(), spread.best(), 1e-9, "the rating is the best trial");
        assertTrue(spread.min() <= spread.median() && spread.median() <= spread.best(), spread.toString());
        if (mips.c() == null) { // no gcc here: then the reason is given instead
            assertTrue(mips.cMissing() != null && !mips.cMissing().isBlank());
        } else {
            assertEquals(CDhrystone.TRIALS, mips.c().dhrystonesPerSecond().trials());
            assertEquals(mips.mips() / mips.c().mips(), mips.javaOverC(), 1e-9);
            assertTrue(mips.c().compiler().length() > 0 && mips.c().flags().contains("-fno-inline"));
        }
        try (var left = java.nio.file.Files.list(scratch)) {
            assertTrue(left.allMatch(p -> p.getFileName().toString().startsWith("dhrystone")), "only the C program and its source in the scratch directory");
        }
    }

    @Test
    void spreadIsBestMedianAndMin() {
        TrialSpread odd = TrialSpread.of(3, 1, 2);
        assertEquals(new TrialSpread(3, 3, 2, 1), odd);
        TrialSpread even = TrialSpread.of(4, 1, 2, 10);
        assertEquals(new TrialSpread(4, 10, 3, 1), even);
        assertEquals(0.7, even.medianShortfall(), 1e-12);
        assertEquals(new TrialSpread(4, 5, 1.5, 0.5), even.scaled(0.5));
        assertThrows(IllegalArgumentException.class, TrialSpread::of);
        assertThrows(IllegalArgumentException.class, () -> TrialSpread.of(1, 0));
        assertThrows(IllegalArgumentException.class, () -> TrialSpread.of(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TrialSpread.of(1, Double.POSITIVE_INFINITY));
    }

    @Test
    void cDhrystoneOutputGivesOneRatePerTrial() {
        double[] rates = CDhrystone.rates("trial,runs,seconds\n1,1000000,0.020000000\n2,1000000,0.025000000\n");
        assertEquals(2, rates.length);
        assertEquals(50_000_000, rates[0], 1e-3);
        assertEquals(40_000_000, rates[1], 1e-3);
        for (String bad : List.of("", "trial,runs,seconds\n", "1,1000,abc", "1,1000", "1,1000,0", "1,-5,0.1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CDhrystone.rates(bad), bad);
            assertTrue(e.getMessage().startsWith("the C Dhrystone printed"), e.getMessage());
        }
    }

    @Test
    void overrideMustBeAPositiveNumber() {
        assertEquals(12000, HostMips.given("12000").mips());
        assertTrue(HostMips.given(" 3.5 ").method().contains("--host-mips"));
        for (String bad : List.of("abc", "-5", "0", "NaN", "Infinity", "")) {
            UserError e = assertThrows(UserError.class, () -> HostMips.given(bad), bad);
            assertTrue(e.getMessage().startsWith("--host-mips must be"), e.getMessage());
        }
    }

    @Test
    void cacheSizesParseAndFileSystemsAreFound() {
        assertEquals(48 << 10, CacheTopology.parseSize("48K"));
        assertEquals(266240L << 10, CacheTopology.parseSize("266240K"));
        assertEquals(2 << 20, CacheTopology.parseSize("2M"));
        List<String> mountinfo = List.of(
                "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard",
                "40 27 0:50 / /mnt/nfs\\040share rw,relatime - nfs4 server:/export rw,vers=4.2");
        FileSystemInfo nfs = FileSystemInfo.of(java.nio.file.Path.of("/mnt/nfs share/x"), mountinfo);
        assertEquals("nfs4", nfs.type());
        assertEquals("/mnt/nfs share", nfs.mountPoint());
        assertEquals("ext4", FileSystemInfo.of(java.nio.file.Path.of("/tmp/y"), mountinfo).type());
    }
}
