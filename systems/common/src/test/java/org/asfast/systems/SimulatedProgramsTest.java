package org.asfast.systems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asfast.nodes.Work;
import org.asfast.spi.Files;
import org.asfast.spi.Processes;
import org.asfast.spi.Program;
import org.junit.jupiter.api.Test;

/** The Andrew programs' CPU on a machine whose kernel runs slower than its rating: the DECstation 3100 under Sprite. */
class SimulatedProgramsTest {
    private static final String MACHINE = "ds3100-sprite-local";
    private final SystemParameters p = SystemParameters.loadOwnNetwork(ModelHardware.of(MACHINE), SimulatedProgramsTest.class)
            .withModel(MACHINE, SimulatedPrograms.MODEL_FIGURES);
    private final OneSimulatedMachine machine = new OneSimulatedMachine(ModelHardware.processor("DS3100", p), p.numbers());
    private final Files files = new SizesOnly();
    private final SimulatedPrograms programs = new SimulatedPrograms("test", files, machine::run, p);

    private double nanosPerKernelInstruction() {
        return p.number("kernel_cpi") / p.number("mips") * 1000;
    }

    @Test
    void cpsOwnWorkRunsAtTheKernelsSpeedAsInTheModel() {
        assertTrue(p.number("kernel_cpi") > 1, "the test needs a machine whose kernel is slower than its rating");
        files.close(files.create("from"));
        programs.spawn(new Program.CopyFile("from", "to"), -1, -1, Processes.Placement.SAME_CPU);
        assertEquals(0, machine.busyNanos(Work.PROCEDURE), "cp's per-file work is mostly system calls: kernel work, as ModelProcesses charges it");
        double kernel = 0;
        for (Work kind : Work.values()) {
            kernel += kind.isUserCode() ? 0 : machine.busyNanos(kind);
        }
        assertTrue(kernel >= p.number("copy_program_instructions") * nanosPerKernelInstruction(),
                "cp's " + p.number("copy_program_instructions") + " instructions at the kernel's speed, and the fork and exec around them: " + kernel + " ns");
    }

    @Test
    void theCompilersWorkRunsAtTheMachinesRating() {
        int bytes = 1000;
        int fd = files.create("source.c");
        files.write(fd, MemorySegment.NULL, bytes);
        files.close(fd);
        files.mkdir("out");
        programs.compile(List.of("source.c"), "out");
        assertEquals(p.number("compile_instructions_per_byte") * bytes / p.number("mips") * 1000, machine.busyNanos(Work.PROCEDURE), 1e-3,
                "compile_instructions_per_byte per source byte at " + p.number("mips") + " MIPS");
    }

    /** Files that have only sizes: what the programs' CPU charges depend on. */
    private static final class SizesOnly implements Files {
        private final Map<String, Long> sizes = new HashMap<>();
        private final List<String> open = new ArrayList<>();
        private final List<Long> at = new ArrayList<>();

        @Override
        public int openForReading(String path) {
            if (!sizes.containsKey(path)) {
                throw new IllegalArgumentException(path + " does not exist");
            }
            open.add(path);
            at.add(0L);
            return open.size() - 1;
        }

        @Override
        public int create(String path) {
            sizes.put(path, 0L);
            return openForReading(path);
        }

        @Override
        public long read(int fd, MemorySegment buffer, long bytes) {
            long n = Math.min(bytes, sizes.get(open.get(fd)) - at.get(fd));
            at.set(fd, at.get(fd) + n);
            return n;
        }

        @Override
        public long write(int fd, MemorySegment buffer, long bytes) {
            at.set(fd, at.get(fd) + bytes);
            sizes.merge(open.get(fd), at.get(fd), Math::max);
            return bytes;
        }

        @Override
        public void rewind(int fd) {
            at.set(fd, 0L);
        }

        @Override
        public void close(int fd) {
            // nothing held
        }

        @Override
        public void unlink(String path) {
            sizes.remove(path);
        }

        @Override
        public long stat(String path) {
            return sizes.get(path);
        }

        @Override
        public void mkdir(String path) {
            // paths are flat names here
        }

        @Override
        public void requireFreeSpace(long bytes, String purpose) {
            // unlimited
        }
    }
}
