package org.asfast.xfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** §6.2's figures and the read costs on the simulated UltraSPARC 170s. */
class XfsCellsTest {

    @Test
    void theCalibratedSmallLocalReadComesOutAtItsCellAndTheReadCostsGrowFromMemoryToDisk() {
        List<XfsCells.Cell> cells = XfsCells.all();
        assertEquals(130, cells.get(0).value(), 0.1, "vnode_read_instructions was solved on this cell");
        double local = cells.get(2).value();
        double peer = cells.get(3).value();
        double disk = cells.get(4).value();
        assertTrue(local < peer && peer < disk, local + " < " + peer + " < " + disk);
    }
}
