package org.asfast.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;

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
    void measuredRatingIsPositiveAndSaysHow() {
        HostMips mips = HostMips.measure();
        assertTrue(mips.mips() > 1, "any current CPU beats a VAX-11/780: " + mips.mips());
        assertEquals(mips.dhrystonesPerSecond() / 1757, mips.mips(), 1e-6);
        assertTrue(mips.method().contains("Dhrystone 2.1") && mips.method().contains("1757"));
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
