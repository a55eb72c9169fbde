package org.asfast.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.asfast.spi.CacheSizes;
import org.asfast.spi.Processes.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each workload against a platform that counts calls and bytes: the work is exactly what the paper describes. */
class WorkloadsTest {

    @Test
    void getpidMakesOneKernelCallPerCall() {
        try (CountingPlatform p = new CountingPlatform()) {
            Getpid getpid = new Getpid(p);
            for (int i = 0; i < 1000; i++) {
                getpid.call();
            }
            assertEquals(1000, p.calls("getpid"));
        }
    }

    @Test
    void cswitchSendsOneByteEachWayPerRoundTripAndClosesEverything() {
        try (CountingPlatform p = new CountingPlatform()) {
            Cswitch cswitch = new Cswitch(p, Placement.SAME_CPU);
            assertEquals(List.of("echo SAME_CPU"), p.spawned);
            assertEquals(2, p.calls("pipe"));
            assertEquals(2, p.openDescriptors.size(), "the child's ends are closed in the parent");
            for (int i = 0; i < 100; i++) {
                assertEquals(1, cswitch.roundTrip());
            }
            assertEquals(100, p.calls("write"));
            assertEquals(100, p.bytes("write"));
            assertEquals(100, p.calls("read"));
            assertEquals(100, p.bytes("read"));
            cswitch.close();
            assertTrue(p.openDescriptors.isEmpty());
            assertEquals(1, p.calls("reap"));
        }
    }

    @ParameterizedTest
    @EnumSource(SelectPipes.Case.class)
    void selectChecksTheRightPipesWithOneCall(SelectPipes.Case selected) {
        try (CountingPlatform p = new CountingPlatform(); SelectPipes select = new SelectPipes(p, selected)) {
            int pipes = selected == SelectPipes.Case.ONE_EMPTY ? 1 : 10;
            assertEquals(pipes, p.calls("pipe"));
            assertEquals(selected == SelectPipes.Case.TEN_FULL ? 10 : 0, p.bytes("write"));
            assertEquals(select.expectedReadable(), select.call());
            assertEquals(1, p.calls("select"));
            assertEquals(pipes, p.bytes("select"), "descriptors checked per call");
            select.close();
            assertTrue(p.openDescriptors.isEmpty());
        }
    }

    @Test
    void bcopyBlocksFollowTheCacheSizes() {
        CacheSizes caches = new CacheSizes(2 << 20, 260 << 20);
        assertEquals(512 << 10, Bcopy.blockBytes(caches, Bcopy.Case.CACHED), "source + destination fill half the private cache");
        assertEquals(1040L << 20, Bcopy.blockBytes(caches, Bcopy.Case.UNCACHED), "four times the last-level cache");
        try (CountingPlatform p = new CountingPlatform(new CacheSizes(64 << 10, 1 << 20))) {
            Bcopy bcopy = new Bcopy(p, Bcopy.Case.UNCACHED);
            bcopy.copy();
            bcopy.copy();
            assertEquals(2, p.calls("bcopy"));
            assertEquals(2 * (4L << 20), p.bytes("bcopy"));
            assertEquals(4L << 20, bcopy.bytesPerCopy());
        }
    }

    @Test
    void readReadsSixteenKilobyteBlocksAndStartsOverAtTheEnd() {
        try (CountingPlatform p = new CountingPlatform(new CacheSizes(64 << 10, 1 << 20))) {
            ReadFile read = new ReadFile(p);
            long file = read.fileBytes();
            assertEquals(64L << 20, file, "at least 64 MB even on a small cache");
            assertEquals(file, p.bytes("write"));
            assertEquals(file, p.fileSizes.get(ReadFile.NAME));
            long before = p.bytes("read");
            assertEquals(file, before, "warm-up read the whole file once");
            long blocks = file / ReadFile.BLOCK_BYTES;
            for (long i = 0; i < blocks + 3; i++) {
                assertEquals(ReadFile.BLOCK_BYTES, read.readBlock());
            }
            assertEquals((blocks + 3) * ReadFile.BLOCK_BYTES, p.bytes("read") - before);
            assertEquals(2, p.calls("rewind"), "once after warm-up, once at the end of the file");
            read.close();
            assertFalse(p.fileSizes.containsKey(ReadFile.NAME), "the file is removed");
            assertTrue(p.openDescriptors.isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(OpenClose.Case.class)
    void openCloseOpensAndClosesTheNamedFile(OpenClose.Case selected) {
        try (CountingPlatform p = new CountingPlatform()) {
            OpenClose openClose = new OpenClose(p, selected);
            assertTrue(p.fileSizes.containsKey(selected.path));
            assertEquals(selected == OpenClose.Case.FOO ? 0 : 3, p.calls("mkdir"));
            for (int i = 0; i < 10; i++) {
                openClose.openClose();
            }
            assertEquals(10, p.calls("open"));
            assertEquals(11, p.calls("close"), "ten pairs and the create in setup");
            assertTrue(p.openDescriptors.isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(CreateDelete.Case.class)
    void createDeleteWritesReadsAndDeletesTheData(CreateDelete.Case selected) {
        try (CountingPlatform p = new CountingPlatform()) {
            CreateDelete createDelete = new CreateDelete(p, selected);
            for (int i = 0; i < 5; i++) {
                assertEquals(selected.bytes, createDelete.iteration());
            }
            assertEquals(5, p.calls("create"));
            assertEquals(5, p.calls("open"));
            assertEquals(10, p.calls("close"));
            assertEquals(5, p.calls("unlink"));
            assertEquals(5L * selected.bytes, p.bytes("write"));
            assertEquals(5L * selected.bytes, p.bytes("read"));
            assertTrue(p.fileSizes.isEmpty(), "nothing is left behind");
            assertTrue(p.openDescriptors.isEmpty());
        }
    }

    @Test
    void andrewCopiesWithOneProcessPerFileStatsReadsAndCompiles() {
        try (CountingPlatform p = new CountingPlatform()) {
            Andrew andrew = new Andrew(p);
            AndrewSourceTree tree = andrew.tree();
            assertEquals(70, tree.files().size(), "about 70 files");
            assertTrue(tree.totalBytes() > 180_000 && tree.totalBytes() < 260_000, "about 200 KB: " + tree.totalBytes());
            long installed = p.bytes("write");
            assertEquals(tree.totalBytes(), installed);
            String copy = andrew.copyPhases();
            assertEquals(tree.files().size(), p.calls("spawn"), "one process per file");
            assertEquals(tree.totalBytes(), p.bytes("cp"));
            assertEquals(tree.files().size(), p.calls("stat"));
            assertEquals(tree.totalBytes(), p.bytes("read"), "ReadAll reads every byte");
            assertEquals(1 + 2 * tree.directories().size() + 1, p.calls("mkdir"), "source and copy trees");
            andrew.compilePhase(copy);
            assertEquals(1, p.compiled.size());
            assertEquals(tree.javaSources().size(), p.compiled.getFirst().size());
            assertTrue(p.compiled.getFirst().stream().allMatch(s -> s.startsWith(copy + "/") && s.endsWith(".java")));
            assertTrue(p.openDescriptors.isEmpty());
        }
    }
}
