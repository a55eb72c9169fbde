package org.asfast.host;

import java.lang.foreign.Arena;
import java.nio.file.Path;

import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.Compiler;
import org.asfast.spi.Files;
import org.asfast.spi.KernelEntry;
import org.asfast.spi.Memory;
import org.asfast.spi.Pipes;
import org.asfast.spi.Platform;
import org.asfast.spi.Processes;
import org.asfast.spi.Select;

/** This computer, for real: Linux system calls through downcall handles, timed on the wall clock. */
public final class HostPlatform implements Platform {
    public static final String NAME = "host";
    /** The system property a run sets for its forks: they keep their scratch trees for the run to remove (see Scratch). */
    public static final String SCRATCH_KEPT_FOR_THE_RUN = "asfast.scratch.keptForTheRun";

    private final Arena arena = Arena.ofShared();
    private final Path target;
    private Scratch scratch;
    private HostFiles files;

    public HostPlatform(Path target) {
        this.target = TargetDirectory.check(target);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Clock clock() {
        return Clock.WALL;
    }

    @Override
    public <C extends Capability> C require(Class<C> capability) {
        Capability found;
        if (capability == KernelEntry.class) {
            found = new HostKernel();
        } else if (capability == Pipes.class) {
            found = new HostPipes();
        } else if (capability == Select.class) {
            found = new HostSelect(arena);
        } else if (capability == Memory.class) {
            found = new HostMemory(arena);
        } else if (capability == Files.class) {
            found = files();
        } else if (capability == Processes.class) {
            found = new HostProcesses(files());
        } else if (capability == Compiler.class) {
            found = new HostCompiler(files());
        } else {
            throw new CapabilityMissing(NAME, capability);
        }
        return capability.cast(found);
    }

    /** The scratch directory is made only when a workload first needs files. */
    private synchronized HostFiles files() {
        if (files == null) {
            scratch = new Scratch(target);
            files = new HostFiles(scratch, arena);
        }
        return files;
    }

    /** Where this platform's scratch directory is, or null before any file workload asked for one. */
    public synchronized Path scratchDirectory() {
        return scratch == null ? null : scratch.dir;
    }

    @Override
    public synchronized void close() {
        try {
            if (scratch != null) {
                scratch.close();
            }
        } finally {
            arena.close();
        }
    }
}
