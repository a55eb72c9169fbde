package org.asfast.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.asfast.check.Explorer;
import org.asfast.check.Explorer.Bounds;
import org.asfast.check.Explorer.Result;
import org.asfast.checks.Linearizability.Operation;
import org.asfast.checks.RmemCas.Cas;
import org.asfast.checks.RmemCas.CasResult;
import org.asfast.nodes.Work;
import org.junit.jupiter.api.Test;

class RmemCasTest {

    /** The injected bug: a CAS done as a READ of the word and then a WRITE, two meta-instructions instead of one. */
    static final RmemCas.CasClient READ_THEN_WRITE = (kernel, word, expected, replacement, done) -> {
        int local = kernel.allocate(RmemCas.WORD_BYTES);
        kernel.read(word, 0, RmemCas.WORD_BYTES, local, 0, false, (data, error) -> {
            int old = ByteBuffer.wrap(data).getInt();
            if (old != expected) {
                done.done(false, old);
                return;
            }
            kernel.write(word, 0, ByteBuffer.allocate(4).putInt(replacement).array(), false, false, Work.DATA_TRANSFER, (r, e) -> done.done(true, old));
        });
    };

    @Test
    void aCasDoneAsAReadAndAWriteIsCaughtWithTheTrace() {
        Result r = Explorer.explore(new RmemCas(2, READ_THEN_WRITE), new Bounds(20, 0, 0, 0, 100_000));
        assertFalse(r.holds());
        System.out.println(r.violation().render());
        assertTrue(r.violation().invariant().startsWith("CAS is not linearizable"), r.violation().render());
        List<String> trace = r.violation().trace();
        // both machines read 0 before either write lands: both swap
        assertEquals(2, trace.stream().filter(s -> s.contains("READ_DATA tag 1 at 0 [0]")).count(), r.violation().render());
        assertTrue(trace.stream().anyMatch(s -> s.contains("WRITE")), r.violation().render());
    }

    @Test
    void linearizabilityOfACasWord() {
        Operation a = new Operation("a", new Cas(0, 1), new CasResult(true, 0), 0, 2);
        Operation b = new Operation("b", new Cas(0, 2), new CasResult(false, 1), 1, 3);
        assertTrue(RmemCas.WORD.holds(List.of(a, b)));
        Operation bothSwapped = new Operation("b", new Cas(0, 2), new CasResult(true, 0), 1, 3);
        assertFalse(RmemCas.WORD.holds(List.of(a, bothSwapped)));
        // b returned before a was invoked: b must come first, so a cannot have found 0
        Operation early = new Operation("b", new Cas(0, 2), new CasResult(true, 0), 0, 1);
        Operation late = new Operation("a", new Cas(0, 1), new CasResult(true, 0), 2, 3);
        assertFalse(RmemCas.WORD.holds(List.of(early, late)));
        // a pending CAS may have taken effect: here it must have, for c to find 1
        Operation pending = new Operation("a", new Cas(0, 1), null, 0, -1);
        Operation sawIt = new Operation("c", new Cas(1, 0), new CasResult(true, 1), 1, 2);
        assertTrue(RmemCas.WORD.holds(List.of(pending, sawIt)));
        Operation invented = new Operation("c", new Cas(5, 0), new CasResult(true, 5), 1, 2);
        assertFalse(RmemCas.WORD.holds(List.of(pending, invented)));
    }
}
