package org.asfast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.asfast.spi.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What-ifs that the reliability probe (issue 9, §7 items 6 and 10) got through, each refused in one line. */
class WhatIfInputTest {
    private static final ModelParameters BUNDLED = ModelParameters.bundled();

    @TempDir
    Path dir;

    private static void refused(String expected, org.junit.jupiter.api.function.Executable action) {
        UserError e = assertThrows(UserError.class, action);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    private static Parameter set(String setting) {
        return ModelParameters.parseSetting(setting);
    }

    @Test
    void aSubjectNoModelledRowUsesIsRefused() {
        // NOPE/disk_rotation_ms=1 was accepted and changed nothing.
        refused("no modelled row uses the subject 'NOPE'", () -> BUNDLED.check(List.of(set("NOPE/disk_rotation_ms=1"))));
        refused("no modelled row uses the subject 'os:Windows'", () -> BUNDLED.check(List.of(set("os:Windows/trap_instructions=1"))));
        for (String subject : List.of("DS3100", "os:Sprite", "isa:mips", "config:NFS", "DS3100+Mach 2.5", "all", "Sun3/60")) {
            assertEquals(1, BUNDLED.check(List.of(set(subject + "/disk_rotation_ms=8"))).size(), subject);
        }
    }

    @Test
    void numbersStayWithinAThousandTimesTheShippedOnes() {
        // 1e300 overflowed the virtual clock: the model gave 0 ms and Infinity.
        refused("'disk_rotation_ms' takes 0 or a number from 0.0167 to 16700", () -> BUNDLED.check(List.of(set("DS3100/disk_rotation_ms=1e300"))));
        refused("'disk_rotation_ms' takes 0 or a number from", () -> BUNDLED.check(List.of(set("DS3100/disk_rotation_ms=1e-300"))));
        refused("'mips' takes 0 or a number from 0.0009 to 20000", () -> BUNDLED.check(List.of(set("DS3100/mips=Infinity"))));
        refused("not 'NaN'", () -> BUNDLED.check(List.of(set("DS3100/mips=NaN"))));
        assertEquals(1, BUNDLED.check(List.of(set("DS3100/disk_rotation_ms=0.1"))).size(), "the fast-disk scenario's value");
        assertEquals(1, BUNDLED.check(List.of(set("os:Sprite/delete_sync_writes=0"))).size(), "the newer-sprite scenario's value");
    }

    @Test
    void theVirtualClockRefusesATimeItCannotCount() {
        VirtualClock clock = new VirtualClock(new org.asfast.sim.Simulation());
        assertThrows(IllegalStateException.class, () -> clock.advance(Double.POSITIVE_INFINITY));
        assertThrows(IllegalStateException.class, () -> clock.advance(1e300));
        assertThrows(IllegalStateException.class, () -> clock.waitUntil(1e300));
        clock.advance(1e15);
        assertEquals(1e15, clock.now());
    }

    @Test
    void aScenarioNameIsAPlainNameAfterTheAt() throws Exception {
        refused("'ds3100-sprite-local@' names no what-if scenario after '@'", () -> ModelProvider.open("ds3100-sprite-local@"));
        Path whatIfs = Files.createDirectories(dir.resolve("what-ifs"));
        Files.writeString(dir.resolve("evil.csv"), "subject,parameter,value,unit,source\nDS3100,disk_rotation_ms,8,ms,x\n");
        String saved = System.getProperty(ModelProvider.WHAT_IF_DIRECTORY);
        System.setProperty(ModelProvider.WHAT_IF_DIRECTORY, whatIfs.toString());
        try {
            refused("the what-if scenario '../evil' in 'ds3100-sprite-local@../evil' is not a plain name", () -> ModelProvider.open("ds3100-sprite-local@../evil"));
            refused("no what-if scenario 'missing'; bundled ones are fast-disk, write-back, newer-sprite, or put missing.csv in the directory given by --what-if-dir",
                    () -> ModelProvider.open("ds3100-sprite-local@missing"));
        } finally {
            if (saved == null) {
                System.clearProperty(ModelProvider.WHAT_IF_DIRECTORY);
            } else {
                System.setProperty(ModelProvider.WHAT_IF_DIRECTORY, saved);
            }
        }
    }

    private Path file(String name, String text) throws Exception {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whatIfFilesThatAreNotSmallCsvTextAreRefused() throws Exception {
        refused("q.csv line 2: a quoted field has no closing quote",
                () -> ModelParameters.readFile(file("q.csv", "subject,parameter,value,unit,source\nDS3100,disk_rotation_ms,\"8,ms,x\n")));
        Path fifo = dir.resolve("fifo.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        refused("fifo.csv is not a regular file", () -> ModelParameters.readFile(fifo));
        refused("/dev/zero is not a regular file", () -> ModelParameters.readFile(Path.of("/dev/zero")));
        refused("line 1 is not the header subject,parameter,value,unit,source", () -> ModelParameters.readFile(file("h.csv", "DS3100,mips,1,MIPS,x\n")));
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreRead() throws Exception {
        // The probe's BOM file was "line 1 does not have the columns", which it had.
        List<Parameter> bom = ModelParameters.readFile(file("bom.csv", "\uFEFFsubject,parameter,value,unit,source\nDS3100,disk_rotation_ms,8,ms,x\n"));
        assertEquals(List.of(new Parameter("DS3100", "disk_rotation_ms", "8", "ms", "x")), bom);
        List<Parameter> crlf = ModelParameters.readFile(file("crlf.csv", "subject,parameter,value,unit,source\r\n# note\r\n\r\nDS3100,disk_rotation_ms,8,ms,x\r\n"));
        assertEquals(List.of(new Parameter("DS3100", "disk_rotation_ms", "8", "ms", "x")), crlf);
    }

    @Test
    void rowErrorsNameTheLineAnEditorShows() throws Exception {
        // After a header, a comment and a blank line, the row is line 4 (the parser's record 1).
        String head = "subject,parameter,value,unit,source\r\n# note\r\n\r\n";
        refused("c.csv line 4 does not have the columns", () -> ModelParameters.readFile(file("c.csv", head + "DS3100,disk_rotation_ms,8,ms\r\n")));
        refused("v.csv line 4 gives no value for disk_rotation_ms", () -> ModelParameters.readFile(file("v.csv", head + "DS3100,disk_rotation_ms,,ms,x\r\n")));
        refused("n.csv line 5: 'disk_rotation_ms' takes 0 or a number",
                () -> BUNDLED.readWhatIf(file("n.csv", head + "DS3100,mips,10,MIPS,x\nDS3100,disk_rotation_ms,-8,ms,x\n")));
    }
}
