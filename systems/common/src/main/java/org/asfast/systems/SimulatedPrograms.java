package org.asfast.systems;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.function.Consumer;
import org.asfast.nodes.NodeContext;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Compiler;
import org.asfast.spi.Files;
import org.asfast.spi.Processes;
import org.asfast.spi.Program;

/**
 * The Andrew benchmark's programs (Ousterhout §9) on a simulated distributed file system's client machine: cp for
 * each copied file and the C compiler's passes, as the Ousterhout model runs them (its ModelProcesses and
 * ModelCompiler), but with every file they touch, their own program files included, going through the system's
 * file service. A program start is the fork, exec and exit path and the fork's copy on the client's CPU, the
 * program's pages ({@code exec_read_kb}) read from its file through the file service, and a switch there and back;
 * cp's own work is the model's per-file figure at the kernel's speed; the compiler's is charged per source byte at
 * the machine's rating. The figures come from the model's operating system on the same machine
 * ({@link SystemParameters#withModel}).
 */
public final class SimulatedPrograms implements Processes, Compiler {
    /** The figures the programs need, from the model's operating system. */
    public static final List<String> MODEL_FIGURES = List.of("spawn_instructions", "fork_copy_kb", "exec_read_kb", "switch_instructions",
            "copy_program_instructions", "compile_instructions_per_byte", "compiler_passes", "temporary_size_ratio", "object_size_ratio");
    private static final int BLOCK = FileCopy.BLOCK;
    private static final String BIN = "bin";
    private static final String TMP = "tmp";

    private final String platform;
    private final Files files;
    private final Consumer<Consumer<NodeContext>> cpu;
    private final SystemParameters p;
    private final MemorySegment buffer;
    private int temporaries;
    private boolean installed;

    /**
     * @param files the client's file calls
     * @param cpu   runs work on the client machine's CPU, in the simulation, and returns when it is done
     * @param p     the system's parameters with {@link #MODEL_FIGURES}
     */
    public SimulatedPrograms(String platform, Files files, Consumer<Consumer<NodeContext>> cpu, SystemParameters p) {
        this.platform = platform;
        this.files = files;
        this.cpu = cpu;
        this.p = p;
        buffer = Arena.ofAuto().allocate(Math.max(BLOCK, (long) (p.number("exec_read_kb") * 1024)), 8);
    }

    @Override
    public Child spawn(Program program, int stdinFd, int stdoutFd, Placement placement) {
        if (!(program instanceof Program.CopyFile copy)) {
            throw new CapabilityMissing(platform, Processes.class); // only the file-copying program runs on a file service's client
        }
        start("cp");
        cpu.accept(node -> node.work(org.asfast.nodes.Work.KERNEL_CALL, p.number("copy_program_instructions"))); // mostly system calls, as the model charges it
        FileCopy.copy(files, buffer, copy);
        exit();
        return FileCopy.EXITED;
    }

    @Override
    public void compile(List<String> sources, String outputDir) {
        int passes = (int) p.number("compiler_passes");
        for (String source : sources) {
            long size = readWhole(source);
            for (int pass = 0; pass < passes; pass++) {
                start("cc" + pass);
                exit();
            }
            cpu.accept(node -> Charges.user(node, p.number("compile_instructions_per_byte") * size));
            for (int t = 0; t < passes - 1; t++) {
                String temp = TMP + "/cc" + (++temporaries);
                writeWhole(temp, (long) (size * p.number("temporary_size_ratio")));
                readWhole(temp);
                files.unlink(temp);
            }
            String name = source.substring(source.lastIndexOf('/') + 1);
            writeWhole(outputDir + "/" + name + ".o", (long) (size * p.number("object_size_ratio")));
        }
    }

    /** fork and exec: the kernel's path and the fork's copy, then the program's pages read from its file, then the switch to it. */
    private void start(String program) {
        install();
        cpu.accept(node -> {
            Charges.trap(node);
            node.work(org.asfast.nodes.Work.KERNEL_CALL, p.number("spawn_instructions"));
            Charges.copy(node, org.asfast.nodes.Work.KERNEL_CALL, p.number("fork_copy_kb") * 1024);
        });
        readWhole(BIN + "/" + program);
        cpu.accept(node -> Charges.contextSwitch(node, p.number("switch_instructions")));
    }

    /** The program exits and the parent's wait returns. */
    private void exit() {
        cpu.accept(node -> Charges.contextSwitch(node, p.number("switch_instructions")));
    }

    /** The programs' files, made once (and /tmp for the compiler's temporaries): cp and one per compiler pass, each as large as exec reads. */
    private void install() {
        if (installed) {
            return;
        }
        installed = true;
        files.mkdir(BIN);
        files.mkdir(TMP);
        long image = (long) (p.number("exec_read_kb") * 1024);
        writeWhole(BIN + "/cp", image);
        for (int pass = 0; pass < (int) p.number("compiler_passes"); pass++) {
            writeWhole(BIN + "/cc" + pass, image);
        }
    }

    private long readWhole(String path) {
        long size = 0;
        int fd = files.openForReading(path);
        try {
            for (long n; (n = files.read(fd, buffer, BLOCK)) > 0; ) {
                size += n;
            }
        } finally {
            files.close(fd);
        }
        return size;
    }

    private void writeWhole(String path, long bytes) {
        int fd = files.create(path);
        for (long done = 0; done < bytes; ) {
            long n = files.write(fd, buffer, Math.min(BLOCK, bytes - done));
            done += n;
        }
        files.close(fd);
    }
}
