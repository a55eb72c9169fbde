package org.asfast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad input on the file configurations, through the command line: a name the directory server refuses,
 * a full store and an unknown configuration are each one line and exit 2, and leave nothing behind (no scratch
 * folder of a live server, no server process).
 */
class FilePutTest {
    @TempDir
    Path dir;
    private Path file;
    private List<String> tmpBefore;

    @BeforeEach
    void aFileAndTheTemporaryFolderAsItWas() throws IOException {
        byte[] data = new byte[200 * 1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251);
        }
        file = Files.write(dir.resolve("notes.bin"), data);
        tmpBefore = tmpEntries();
    }

    @AfterEach
    void nothingIsLeftBehind() throws IOException {
        assertEquals(tmpBefore, tmpEntries(), "no scratch folder is left in " + System.getProperty("java.io.tmpdir"));
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "no server process outlived the command");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("notes.bin"), left.map(p -> p.getFileName().toString()).toList(), "nothing written beside the file");
        }
    }

    private static List<String> tmpEntries() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("asfast-")).sorted().toList(); // the live nodes' scratch roots
        }
    }

    private CliRun put(String... args) {
        String[] all = Stream.concat(Stream.of("--put", file.toString()), Stream.of(args)).toArray(String[]::new);
        return CliRun.command("systems", all);
    }

    private static void refused(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("asfast: ") && run.err().contains(expected), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertEquals("", run.out(), "nothing printed as done");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sun3-60-amoeba-bullet-sim", "sun3-60-amoeba-bullet-dir-sim", "sun3-60-sprite-cache-sim", "sun3-60-sprite-nocache-sim"})
    void aFileIsStoredAndReadBackByteForByte(String platform) {
        CliRun run = put("--on", platform, "--as", "notes");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(platform + ": stored 'notes' (204800 bytes)") && run.out().contains("byte for byte") && run.out().contains("(simulated)"), run.out());
    }

    @Test
    void aNameTheDirectoryServerRefusesIsOneLine() {
        refused(put("--on", "sun3-60-amoeba-bullet-dir-sim", "--as", "my notes"), "the directory server of sun3-60-amoeba-bullet-dir-sim refuses the name 'my notes'");
        refused(put("--on", "sun3-60-sprite-cache-sim", "--as", "x".repeat(300)), "the Sprite file server refuses the name");
        refused(put("--on", "sun3-60-amoeba-bullet-sim", "--as", "../notes"), "sun3-60-amoeba-bullet-sim refuses '../notes'");
    }

    @Test
    void aFullStoreIsOneLine() {
        refused(put("--on", "sun3-60-amoeba-bullet-dir-sim", "--set", "bullet_store_mb=0.55"), "the Bullet store of sun3-60-amoeba-bullet-dir-sim has");
        refused(put("--on", "sun3-60-sprite-nocache-sim", "--set", "sprite_disk_mb=0.1"), "the Sprite file server's disk of sun3-60-sprite-nocache-sim has");
        refused(put("--on", "sun3-60-amoeba-bullet-sim", "--set", "bullet_store_mb=0.01"), "cannot start with these parameters");
    }

    @Test
    void aFullStoreOfALiveServerIsOneLineAndItsScratchFolderGoes() {
        refused(put("--on", "amoeba-bullet-live", "--set", "bullet_store_mb=0.55"), "the Bullet store of amoeba-bullet-live has");
        refused(put("--on", "sprite-cache-live", "--set", "sprite_disk_mb=0.1"), "the Sprite file server's disk of sprite-cache-live has");
    }

    @Test
    void aBadSpinPropertyIsItsOwnOneLineNotAFaultOfTheSetValues() throws Exception {
        SpinProperty.with("-5", () -> {
            String spin = "-Dasfast.live.spinMicros=-5 is not a spin: give whole microseconds from 0 (never spin) to 1000000, or leave it unset for 50";
            for (String platform : List.of("sprite-cache-live", "amoeba-bullet-dir-live")) {
                CliRun run = put("--on", platform, "--set", "max_tries=3");
                refused(run, spin);
                assertEquals("asfast: " + spin, run.err().strip(), "no --set hint: the values are fine");
            }
            CliRun simulated = put("--on", "sun3-60-sprite-cache-sim");
            assertEquals(0, simulated.exitCode(), "a simulated configuration starts no node and does not read it: " + simulated.err());
        });
    }

    @Test
    void aPlatformThatCannotStartHintsAtTheSetValuesOnlyWhenSomeWereGiven() {
        IllegalStateException why = new IllegalStateException("node 1: UDP port 40000 is in use");
        assertSame(why, FilePut.cannotStart("sprite-cache-live", List.of(), why), "no --set given: the failure is passed on as it is, with no hint to change anything");
        assertEquals("sprite-cache-live cannot start with these parameters (--set max_tries=3): node 1: UDP port 40000 is in use; change the --set values",
                FilePut.cannotStart("sprite-cache-live", List.of("max_tries=3"), why).getMessage());
    }

    @Test
    void aSetValueOutsideItsParametersRangeIsOneLine() {
        refused(put("--on", "sun3-60-sprite-cache-sim", "--set", "max_tries=0"), "--set 'max_tries=0': max_tries (tries) must be a whole number of 1 or more");
        refused(put("--on", "sun3-60-sprite-cache-sim", "--set", "fragment_bytes=0"), "fragment_bytes (bytes) must be a whole number of 1 or more");
        refused(put("--on", "sun3-60-sprite-cache-sim", "--set", "fragment_bytes=1.5"), "fragment_bytes (bytes) must be a whole number of 1 or more");
        refused(put("--on", "sun3-60-amoeba-bullet-dir-sim", "--set", "bullet_store_mb=0"), "bullet_store_mb (MB) must be a number above 0");
        refused(put("--on", "sun3-60-sprite-nocache-sim", "--set", "retransmit_ms=-1"), "retransmit_ms (ms) must be a number of 0 or more");
        refused(put("--on", "sun3-60-sprite-nocache-sim", "--set", "retransmit_ms=NaN"), "--set 'retransmit_ms=NaN': give PARAMETER=VALUE");
        // in range, but a transaction's reply no longer fits: the platform fails while storing, not the name
        refused(put("--on", "sun3-60-amoeba-bullet-dir-sim", "--set", "max_message_bytes=1"),
                "sun3-60-amoeba-bullet-dir-sim cannot work with these parameters (--set max_message_bytes=1): ");
    }

    @Test
    void optionsThatDoNotGoTogetherAreOneLine() {
        refused(CliRun.command("systems", "--as", "notes"), "--as and --set go with --put");
        refused(CliRun.command("systems", "--set", "bullet_store_mb=1", "--out", dir.resolve("out").toString()), "--as and --set go with --put");
        refused(put("--on", "sun3-60-sprite-cache-sim", "--faults", "drop=0.1"), "--put, --faults and --calibrate are separate runs");
        refused(put("--on", "sun3-60-sprite-cache-sim", "--calibrate"), "--put, --faults and --calibrate are separate runs");
        refused(CliRun.command("systems", "--faults", "drop=0.1", "--calibrate"), "--put, --faults and --calibrate are separate runs");
        // an --out that cannot be written is refused before the simulations, not after
        refused(CliRun.command("systems", "--faults", "drop=0.1", "--out", file.resolve("out").toString()), "cannot write faults.csv to ");
        refused(CliRun.command("systems", "--out", file.resolve("out").toString()), "cannot write simulated.csv to ");
    }

    @Test
    void anUnknownConfigurationIsOneLine() {
        refused(put("--on", "sun3-60-amoeba-bullet-nodir-sim"), "unknown file configuration 'sun3-60-amoeba-bullet-nodir-sim' for --on; choose one of sun3-60-amoeba-bullet-sim");
        refused(put("--on", "sun3-60-sprite-cache-sim", "--set", "no_such_parameter=1"), "--set 'no_such_parameter=1': no parameter 'no_such_parameter'; the parameters are ");
        refused(put("--on", "sun3-60-sprite-cache-sim", "--set", "bullet_store_mb=1"), "--set 'bullet_store_mb=1': no parameter 'bullet_store_mb'; the parameters are ");
        refused(CliRun.command("systems", "--on", "sun3-60-sprite-cache-sim"), "--put and --on go together");
        // the run command's platforms: a file configuration that does not exist is an unknown platform
        refused(CliRun.command("run", "--results", dir.resolve("results").toString(), "--platform", "sun3-60-sprite-writeback-sim"),
                "unknown platform 'sun3-60-sprite-writeback-sim'; choose one of ");
    }
}
