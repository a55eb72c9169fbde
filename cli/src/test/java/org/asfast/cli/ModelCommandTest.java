package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** asfast model: bad what-ifs and files are one line with exit 2 and write nothing; --calibrate rewrites only a parameter file. */
class ModelCommandTest {
    static final Path SHIPPED = Path.of("..", "platforms/model/src/main/resources/org/asfast/model/parameters.csv");
    static final String BASELINES = Path.of("..", "results", "baselines").toString();

    @TempDir
    Path dir;

    static CliRun model(String... args) {
        return CliRun.of(Stream.concat(Stream.of("model", "--baselines", BASELINES), Stream.of(args)).toArray(String[]::new));
    }

    private void refused(CliRun outcome, String expected) throws Exception {
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("asfast: "), outcome.err());
        assertTrue(outcome.err().contains(expected), outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), "one line: " + outcome.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    private String out() {
        return dir.resolve("out").toString();
    }

    @Test
    void badWhatIfsAreRefusedBeforeAnyWork() throws Exception {
        refused(model("--out", out(), "--set", "NOPE/disk_rotation_ms=1"), "no modelled row uses the subject 'NOPE'");
        refused(model("--out", out(), "--set", "DS3100/disk_rotation_ms=1e300"), "'disk_rotation_ms' takes 0 or a number from 0.0167 to 16700");
        refused(model("--out", out(), "--set", "DS3100/mips=0"), "the what-if makes the model fail");
        Path fifo = dir.resolve("fifo.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        refused(model("--out", out(), "--what-if", fifo.toString()), "is not a regular file");
        refused(model("--out", out(), "--what-if", "/dev/zero"), "is not a regular file");
        Path quote = Files.writeString(dir.resolve("quote.csv"), "subject,parameter,value,unit,source\nDS3100,disk_rotation_ms,\"8,ms,x\n");
        refused(model("--out", out(), "--what-if", quote.toString()), "quote.csv line 2: a quoted field has no closing quote");
    }

    @Test
    void anUnwritableOutIsRefusedBeforeAnyWork() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun outcome = model("--out", file.resolve("model").toString());
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("is not a folder"), outcome.err());
        assertEquals("", outcome.out(), "no work done");
        refused(model("--out", "/proc/self/model"), "cannot write cells.csv and fidelity.csv to /proc/self/model");
    }

    @Test
    void anUnknownOptionIsOneLineThatPointsToHelp() throws Exception {
        refused(model("--bogus"), "unknown option: '--bogus'; see 'asfast model --help' for the options");
    }

    @Test
    void calibrateRewritesOnlyAParameterFile() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "my notes\n");
        Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rw-------"));
        refused(model("--calibrate", notes.toString()), "is not a model parameter file");
        Path whatIf = Files.writeString(dir.resolve("what-if.csv"), "subject,parameter,value,unit,source\nDS3100,disk_rotation_ms,0.1,ms,what-if: x\n");
        refused(model("--calibrate", whatIf.toString()), "is not a model parameter file: it has no calibrated");
        assertEquals("my notes\n", Files.readString(notes));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(notes)));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("notes.txt", "what-if.csv"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void calibratingTheShippedFileChangesNothingNotEvenItsPermissions() throws Exception {
        // It moved SS1/disk_seek_ms from 2.193 to 2.192 (and back the next time), and made a 0600 file 0644.
        Path copy = Files.copy(SHIPPED, dir.resolve("parameters.csv"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        CliRun outcome = model("--calibrate", copy.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertArrayEquals(Files.readAllBytes(SHIPPED), Files.readAllBytes(copy), "the shipped values are the calibrator's answer");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
    }

    @Test
    void roundingKeepsAStartingValueWithinOneUnitOfItsLastDigit() {
        assertEquals("2.193", Calibrator.roundedLike(2.19249, "2.193"));
        assertEquals("2.192", Calibrator.roundedLike(2.19251, "2.192"));
        assertEquals("2.195", Calibrator.roundedLike(2.1951, "2.193"), "a solution that moved further is taken");
        assertEquals("1.5", Calibrator.roundedLike(1.5, "0"));
    }
}
