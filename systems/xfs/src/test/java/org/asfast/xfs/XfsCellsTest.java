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
        int[] sizes = XfsCells.controlMessageSizes(XfsSimulated.parameters());
        // 2 writes (request, grant, 3 stored, report, commit), 3 reads (miss, forward or 3 fetches, done), 1 invalidation, 2 evictions
        assertTrue(sizes.length >= 25, Arrays.toString(sizes));
        Set<Integer> controlSizes = Arrays.stream(Message.Kind.values()).filter(k -> !k.carriesData())
                .map(Message.Kind::headerBytes).collect(Collectors.toSet());
        for (int size : sizes) {
            assertTrue(controlSizes.contains(size), size + " bytes is no control message's size: a block or fragment slipped through");
        }
        for (int i = 1; i < sizes.length; i++) {
            assertTrue(sizes[i - 1] <= sizes[i], "sorted");
        }
        List<XfsCells.Cell> cells = XfsCells.all();
        assertEquals(List.of("size of most control messages (low end)", "size of most control messages (high end)"),
                cells.subList(5, 7).stream().map(XfsCells.Cell::column).toList());
        assertEquals(XfsCells.percentile(sizes, 10), cells.get(5).value());
        assertEquals(XfsCells.percentile(sizes, 90), cells.get(6).value());
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
