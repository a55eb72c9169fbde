package org.asfast.sprite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.asfast.model.ModelPlatform;
import org.asfast.model.ModelProvider;
import org.asfast.model.ModelRow;
import org.asfast.model.Parameter;
import org.asfast.model.RemoteFileSystem;
import org.asfast.spi.Files;
import org.junit.jupiter.api.Test;

/** The Ousterhout model's diskless Sprite machines mount this module's file system: its client and server, on the model's hardware. */
class SpriteDisklessTest {
    @Test
    void spriteServesTheDisklessSpriteRowsAndNothingElse() {
        for (ModelRow row : ModelRow.all()) {
            boolean diskless = row.os().equals("Sprite") && row.config().equals("Diskless");
            assertEquals(diskless, new SpriteDiskless().serves(row), row.platform());
        }
        assertTrue(RemoteFileSystem.serving(ModelRow.find("ds3100-sprite-diskless")) instanceof SpriteDiskless, "found on the class path");
    }

    @Test
    void filesLiveOnTheSpriteServerThroughTheModelsDescriptors() {
        try (ModelPlatform p = ModelProvider.open("sun4-sprite-diskless")) {
            Files files = p.require(Files.class);
            files.mkdir("a");
            byte[] data = SpriteFsTest.pattern(10_000, 7);
            SpriteFsTest.writeFile(files, "a/foo", data);
            assertEquals(data.length, files.stat("a/foo"));
            assertArrayEquals(data, SpriteFsTest.readFile(files, "a/foo", data.length));
            int fd = files.openForReading("a/foo");
            assertEquals(3, fd, "the lowest free descriptor of the modelled process, not the Sprite client's");
            files.close(fd);
            files.unlink("a/foo");
            assertTrue(p.clock().nanos() > 0, "the calls took virtual time");
        }
    }

    /** Ousterhout §11: Sprite's create-delete writes one i-node, rewritten where the last iteration wrote it, so each takes whole rotations. */
    @Test
    void eachCreateDeleteWaitsWholeRotationsForItsINode() {
        try (ModelPlatform p = ModelProvider.open("ds3100-sprite-diskless")) {
            Files files = p.require(Files.class);
            double rotation = p.parameters().get("disk_rotation_ms").number() * 1e6;
            createDelete(files);
            long[] at = new long[6];
            for (int i = 0; i < at.length; i++) {
                createDelete(files);
                at[i] = p.clock().nanos();
            }
            for (int i = 1; i < at.length; i++) {
                double rotations = (at[i] - at[i - 1]) / rotation;
                assertEquals(Math.round(rotations), rotations, 1e-3, "iteration " + i + " took " + rotations + " rotations");
                assertTrue(rotations >= 1, "it waits for the disk");
            }
        }
    }

    /** The newer-sprite what-if (no i-node written on delete, §11) reaches the server: create-delete no longer waits for the disk. */
    @Test
    void theNewerSpriteWhatIfTakesTheDiskWaitAway() {
        try (ModelPlatform shipped = ModelProvider.open("ds3100-sprite-diskless"); ModelPlatform newer = ModelProvider.open("ds3100-sprite-diskless@newer-sprite")) {
            double rotation = shipped.parameters().get("disk_rotation_ms").number() * 1e6;
            double old = iteration(shipped);
            double now = iteration(newer);
            assertTrue(now < rotation && now < old - rotation / 2, "newer " + now + " ns, shipped " + old + " ns");
        }
    }

    @Test
    void spritesOwnFiguresAreListedWithTheirSources() {
        try (ModelPlatform p = ModelProvider.open("sun3-sprite-diskless")) {
            for (String name : List.of("header_bytes", "fragment_bytes", "rpc_client_instructions", "delayed_write_s", "cache_block_instructions")) {
                Parameter listed = p.parameters().get(name);
                assertTrue(listed != null && listed.source().matches("(documented|assumption): .+"), name + ": " + listed);
            }
            assertTrue(p.parameters().get("remote_open_instructions").isCalibration(), "the server's work per open is the model's, calibrated on Ousterhout's table");
            assertEquals(1.8, p.parameters().get("mips").number(), 0, "the Sun3's rating");
        }
    }

    private static double iteration(ModelPlatform p) {
        Files files = p.require(Files.class);
        createDelete(files);
        long before = p.clock().nanos();
        createDelete(files);
        return p.clock().nanos() - before;
    }

    private static void createDelete(Files files) {
        files.close(files.create("tmp/f"));
        files.unlink("tmp/f");
    }
}
