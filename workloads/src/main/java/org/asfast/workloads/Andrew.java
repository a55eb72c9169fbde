package org.asfast.workloads;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;

import org.asfast.spi.Compiler;
import org.asfast.spi.Files;
import org.asfast.spi.Memory;
import org.asfast.spi.Platform;
import org.asfast.spi.Processes;
import org.asfast.spi.Processes.Placement;
import org.asfast.spi.Program;

/**
 * Ousterhout §9, the modified Andrew benchmark: "copying a directory hierarchy containing the source
 * code for a program, stat-ing every file in the new hierarchy, reading the contents of every copied
 * file, and finally compiling the code in the copied hierarchy." The "copy" result is everything but
 * the compilation; "a separate shell command is used to copy each file". Ousterhout made every
 * machine use the same compiler; here that is javac, on a bundled Java source tree.
 *
 * <p>Each run copies into a fresh directory, so no run finds the previous one's files.
 */
public final class Andrew implements Workload {
    static final String SOURCE = "andrew-src";
    private static final int READ_BLOCK = 16 * 1024;

    private final Files files;
    private final Processes processes;
    private final Compiler compiler;
    private final AndrewSourceTree tree;
    private final MemorySegment buffer;
    private int copies;

    public Andrew(Platform platform) {
        files = platform.require(Files.class);
        processes = platform.require(Processes.class);
        compiler = platform.require(Compiler.class);
        Memory memory = platform.require(Memory.class);
        tree = AndrewSourceTree.bundled();
        buffer = memory.allocate(READ_BLOCK, 4096);
        files.requireFreeSpace(64L << 20, "the Andrew benchmark");
        install(memory);
    }

    /** Writes the bundled tree into the scratch directory: the hierarchy the benchmark copies. */
    private void install(Memory memory) {
        files.mkdir(SOURCE);
        for (String dir : tree.directories()) {
            files.mkdir(SOURCE + "/" + dir);
        }
        for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
            byte[] content = file.getValue();
            MemorySegment data = memory.allocate(Math.max(1, content.length), 8);
            MemorySegment.copy(MemorySegment.ofArray(content), 0, data, 0, content.length);
            int fd = files.create(SOURCE + "/" + file.getKey());
            for (long written = 0; written < content.length; ) {
                written += files.write(fd, data.asSlice(written), content.length - written);
            }
            files.close(fd);
        }
    }

    /** MakeDir, Copy, ScanDir and ReadAll into a fresh copy of the tree; returns the copy's name. */
    public String copyPhases() {
        String copy = "andrew-copy-" + (++copies);
        makeDir(copy);
        copy(copy);
        scanDir(copy);
        readAll(copy);
        return copy;
    }

    /**
     * Untimed, before each measured run: writes back what the runs before it left dirty. On the host a run writes about
     * 1 MB (a copy of the tree, then its classes), and the kernel's flusher, writing it back every few seconds, took a
     * CPU of the two from whichever later compile it fell in.
     */
    public void writeBack() {
        files.writeBack();
    }

    /** Compiles the copy made by {@link #copyPhases()}. */
    public void compilePhase(String copy) {
        files.mkdir(copy + "/classes");
        List<String> sources = tree.javaSources().stream().map(s -> copy + "/" + s).toList();
        compiler.compile(sources, copy + "/classes");
    }

    private void makeDir(String copy) {
        files.mkdir(copy);
        for (String dir : tree.directories()) {
            files.mkdir(copy + "/" + dir);
        }
    }

    /** One process per file, as the paper's shell command per file. */
    private void copy(String copy) {
        for (String file : tree.files().keySet()) {
            try (Processes.Child cp = processes.spawn(Program.copyFile(SOURCE + "/" + file, copy + "/" + file), -1, -1, Placement.ANY)) {
                int status = cp.waitFor();
                if (status != 0) {
                    throw new IllegalStateException("copying " + file + " failed with status " + status);
                }
            }
        }
    }

    private void scanDir(String copy) {
        for (Map.Entry<String, byte[]> file : tree.files().entrySet()) {
            long size = files.stat(copy + "/" + file.getKey());
            if (size != file.getValue().length) {
                throw new IllegalStateException("copy of " + file.getKey() + " has " + size + " bytes, not " + file.getValue().length);
            }
        }
    }

    private void readAll(String copy) {
        for (String file : tree.files().keySet()) {
            int fd = files.openForReading(copy + "/" + file);
            try {
                while (files.read(fd, buffer, READ_BLOCK) > 0) {
                    // every byte is read; nothing is kept
                }
            } finally {
                files.close(fd);
            }
        }
    }

    /** The tree being copied and compiled. */
    public AndrewSourceTree tree() {
        return tree;
    }
}
