package org.asfast.model;

import java.util.List;
import org.asfast.spi.Compiler;
import org.asfast.spi.Files;

/**
 * The Andrew benchmark's compile phase on a modelled machine (§9): for each source file the C
 * compiler driver runs its passes as separate processes (preprocessor, compiler proper, assembler),
 * passing temporary files between them, and writes an object file. The compiler's own work is
 * charged per source byte, at the machine's rating.
 */
final class ModelCompiler implements Compiler {
    private final Hardware hw;
    private final Files files;
    private final Files temporaries;
    private final ModelProcesses processes;
    private final double instructionsPerByte;
    private final int passes;
    private final double temporaryRatio;
    private final double objectRatio;
    private int compiled;

    ModelCompiler(Hardware hw, ModelSpec spec, Files files, Files temporaries, ModelProcesses processes) {
        this.hw = hw;
        this.files = files;
        this.temporaries = temporaries;
        this.processes = processes;
        instructionsPerByte = spec.number("compile_instructions_per_byte");
        passes = (int) spec.number("compiler_passes");
        temporaryRatio = spec.number("temporary_size_ratio");
        objectRatio = spec.number("object_size_ratio");
    }

    @Override
    public void compile(List<String> sources, String outputDir) {
        for (String source : sources) {
            long size = readWhole(files, source);
            for (int pass = 0; pass < passes; pass++) {
                processes.runProgram();
            }
            hw.user(instructionsPerByte * size);
            for (int t = 0; t < passes - 1; t++) {
                String temp = "tmp/cc" + (++compiled);
                writeWhole(temporaries, temp, (long) (size * temporaryRatio));
                readWhole(temporaries, temp);
                temporaries.unlink(temp);
            }
            String name = source.substring(source.lastIndexOf('/') + 1);
            writeWhole(files, outputDir + "/" + name + ".o", (long) (size * objectRatio));
        }
    }

    private static long readWhole(Files on, String path) {
        long size = on.stat(path);
        int fd = on.openForReading(path);
        while (on.read(fd, null, Namespace.BLOCK) > 0) {
            // the pass reads all of it
        }
        on.close(fd);
        return size;
    }

    private static void writeWhole(Files on, String path, long bytes) {
        int fd = on.create(path);
        for (long done = 0; done < bytes; done += Namespace.BLOCK) {
            on.write(fd, null, Math.min(Namespace.BLOCK, bytes - done));
        }
        on.close(fd);
    }
}
