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

    @Test
    void theControlMessageSizesAreThoseOnTheWireOfEveryMessageWithoutABlock() {
        java.util.IntSummaryStatistics sizes = XfsCells.controlMessageSizes(XfsSimulated.parameters());
        // every kind fills the same header; a block or fragment that slipped through would raise the maximum
        assertEquals(Message.HEADER_BYTES, sizes.getMin());
        assertEquals(Message.HEADER_BYTES, sizes.getMax());
        // 2 writes (request, grant, 3 stored, report, commit), 3 reads (miss, forward or 3 fetches, done), 1 invalidation, 2 evictions
        assertTrue(sizes.getCount() >= 25, sizes.toString());
        List<XfsCells.Cell> cells = XfsCells.all();
        assertEquals(List.of("size of most control messages (low end)", "size of most control messages (high end)"),
                cells.subList(5, 7).stream().map(XfsCells.Cell::column).toList());
    }
}
