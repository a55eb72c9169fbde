package org.asfast.xfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
        int[] sizes = XfsCells.controlMessageSizes(XfsSimulated.parameters(), false);
        Set<Integer> controlSizes = Arrays.stream(Message.Kind.values()).filter(k -> !k.carriesData())
                .map(Message.Kind::headerBytes).collect(Collectors.toSet());
        for (int size : sizes) {
            assertTrue(controlSizes.contains(size), size + " bytes is no control message's size: a block or fragment slipped through");
        }
        for (int i = 1; i < sizes.length; i++) {
            assertTrue(sizes[i - 1] <= sizes[i], "sorted");
        }
        // Counted from the operations and each kind's fields (1 byte of kind, 8 per block, request, transaction or version,
        // 4 per node or index): 17 bytes, block and request or transaction (3 read misses, 2 write requests, 3 reads
        // done, 2 evictions, 1 invalidation and its answer); 21, block, request or transaction and index (6 stored,
        // 2 commits); 29, four fields with a node or an index (2 forwards, 2 reports); 37, five (2 grants, 3 fetches).
        java.util.Map<Integer, Long> bySize = Arrays.stream(sizes).boxed().collect(Collectors.groupingBy(size -> size, java.util.TreeMap::new, Collectors.counting()));
        assertEquals(java.util.Map.of(17, 12L, 21, 8L, 29, 4L, 37, 5L), bySize);
        List<XfsCells.Cell> cells = XfsCells.all();
        assertEquals(List.of("size of most control messages (low end)", "size of most control messages (high end)"),
                cells.subList(5, 7).stream().map(XfsCells.Cell::column).toList());
        assertEquals(17, cells.get(5).value(), "the 10th percentile of 29 messages is the 3rd smallest, one of the 12 of 17 bytes");
        assertEquals(37, cells.get(6).value(), "the 90th is the 27th, one of the 5 largest, of 37 bytes");
        int[] withStartUp = XfsCells.controlMessageSizes(XfsSimulated.parameters(), true);
        assertEquals(sizes.length + 12, withStartUp.length, "the start-up adds each storage server's inventory request and end-of-list entry");
        assertEquals(1, XfsCells.percentile(withStartUp, 10), "with the start-up the low end is an INVENTORY request, the kind alone");
    }

    @Test
    void aNearestRankPercentileIsTheSmallestValueWithThatShareAtOrBelowIt() {
        int[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(1, XfsCells.percentile(ten, 10));
        assertEquals(9, XfsCells.percentile(ten, 90));
        assertEquals(10, XfsCells.percentile(ten, 100));
        assertEquals(7, XfsCells.percentile(new int[] {7}, 10));
        assertEquals(3, XfsCells.percentile(new int[] {1, 2, 3}, 90));
    }
}
