package org.asfast.systems;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Compiler;
import org.asfast.spi.Files;
import org.asfast.spi.Processes;
import org.asfast.spi.Program;

/**
 * The Andrew benchmark's programs (Ousterhout §9) on a live file service's client: cp for each copied file, and the
 * JDK's javac, the host's compiler with the host's options ({@link Compiler#JAVAC_OPTIONS}), each reading and writing
 * every file through the system's file calls (the client's kernel in this JVM, UDP to the server's JVM).
 *
 * <p>A live "program start" is not a process of this computer: the client machine is this JVM, and a child process
 * would have no client of the file service but a second one of its own. So cp's work runs in the caller, as the
 * simulated client runs it ({@link SimulatedPrograms}, without the fork and exec it charges), and javac runs in process,
 * as it does on the host.
 */
public final class LivePrograms implements Processes, Compiler {
    private final String platform;
    private final Files files;
    private final MemorySegment buffer = Arena.ofAuto().allocate(FileCopy.BLOCK, 8);
    private final FileServiceJavac javac;

    /** The programs of the live platform {@code platform}, whose workloads' file calls are {@code files}. */
    public LivePrograms(String platform, Files files) {
        this.platform = platform;
        this.files = files;
        javac = new FileServiceJavac(platform, files);
    }

    @Override
    public Child spawn(Program program, int stdinFd, int stdoutFd, Placement placement) {
        if (!(program instanceof Program.CopyFile copy)) {
            throw new CapabilityMissing(platform, Processes.class); // only the file-copying program runs on a file service's client
        }
        FileCopy.copy(files, buffer, copy);
        return FileCopy.EXITED;
    }

    @Override
    public void compile(List<String> sources, String outputDir) {
        javac.compile(sources, outputDir);
    }
}
