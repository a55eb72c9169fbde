package org.asfast.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void aSolvedCalibrationNamesOneCellAndKeepsItsNote() {
        Provenance p = Provenance.parse("calibration: ousterhout1990 | 10 | DS3100 | Mach 2.5 | Local | No data (§2: other disks)");
        assertTrue(p.isCalibration() && p.isSolved());
        assertEquals(List.of("ousterhout1990 | 10 | DS3100 | Mach 2.5 | Local | No data"), p.cells());
        assertEquals("§2: other disks", p.note());
        assertEquals("Local", Provenance.fields(p.cells().getFirst()).get(4));
    }

    @Test
    void aColumnWithParenthesesKeepsThemWhenANoteFollows() {
        Provenance p = Provenance.parse("calibration: xfs | text | UltraSPARC 170 | Solaris 2.5 | local | vnode layer overhead for a small read (minimum) (solved)");
        assertEquals("vnode layer overhead for a small read (minimum)", Provenance.fields(p.cells().getFirst()).get(5));
        assertEquals("solved", p.note());
        Provenance nested = Provenance.parse("calibration: a | 2 | DS5000 | Ultrix 3.1D |  | Time (the 'rapid trap' (§3.1.2), and more)");
        assertEquals("a | 2 | DS5000 | Ultrix 3.1D |  | Time", nested.cells().getFirst());
        assertEquals("the 'rapid trap' (§3.1.2), and more", nested.note());
    }

    @Test
    void aByHandCalibrationMayNameSeveralCellsAndIsNotSolved() {
        Provenance p = Provenance.parse("calibration: ousterhout1990 | 4 | M2000 | RISC/os 4.0 |  | 1 pipe; ousterhout1990 | 4 | M2000 | RISC/os 4.0 |  | 10 empty (by hand: read off)");
        assertTrue(p.isCalibration());
        assertFalse(p.isSolved());
        assertEquals(2, p.cells().size());
        assertEquals(List.of("ousterhout1990", "4", "M2000", "RISC/os 4.0", "", "10 empty"), Provenance.fields(p.cells().get(1)));
    }

    @Test
    void otherKindsNameNoCells() {
        Provenance p = Provenance.parse("documented: §11, as for create");
        assertEquals("documented", p.kind());
        assertEquals(List.of(), p.cells());
        assertFalse(p.isCalibration() || p.isSolved());
    }

    @Test
    void aCellWithoutSixFieldsIsAUserError() {
        assertThrows(UserError.class, () -> Provenance.parse("calibration: ousterhout1990 | 10 | DS3100 | No data"));
    }
}
