package org.asfast.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.asfast.sim.Simulation;
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

/**
 * A 1990 machine running one operating system in one configuration, in virtual time. It runs the
 * same workload code as the host; every kernel call, copy, disk and network transfer charges its
 * modelled cost to the platform's clock, a view of the platform's discrete-event {@link Simulation}, in which a
 * remote configuration's file server is a second machine reached by messages (Sprite's, its own client and server from
 * systems/sprite, mounted as a {@link RemoteFileSystem}). Nothing here reads the paper's tables: the costs come from
 * {@link ModelParameters}, each with its source.
 */
public final class ModelPlatform implements Platform {
    private final String name;
    private final ModelSpec spec;
    private final Simulation simulation = new Simulation();
    private final VirtualClock clock;
    private final ModelMemory memory;
    private final Files files;
    /** A remote configuration's file system from the system that supplies it (Sprite's), or null. */
    private final RemoteFileSystem.Mount mount;
    private final ModelProcesses processes;
    private final ModelCompiler compiler;

    public ModelPlatform(String name, ModelRow row, ModelParameters parameters) {
        this.name = name;
        this.spec = new ModelSpec(row, parameters);
        Hardware hw = new Hardware(simulation, spec);
        clock = hw.clock;
        Namespace names = new Namespace();
        names.create("tmp", true);
        Descriptors descriptors = new Descriptors();
        LocalDisk local = new LocalDisk(hw, spec, names);
        memory = new ModelMemory(hw);
        if (row.config().equals("Diskless")) {
            // Sprite's remote configuration is Sprite's own file system, from systems/sprite, on this machine and a server like it.
            mount = RemoteFileSystem.serving(row).mount(simulation, spec, new ServerDisk(new Disk(new VirtualClock(simulation), spec)));
            long programBytes = (long) (spec.number("exec_read_kb") * 1024);
            files = new MountedFiles(mount.files(), descriptors);
            processes = new ModelProcesses(hw, spec, descriptors, files, () -> {
                mount.loadProgram();
                hw.copy(programBytes, false, false); // the program's pages, from the client's file cache
            });
            Files temporaries = spec.flag("local_temporaries") ? new ModelFiles(names, local, descriptors, hw) : files;
            compiler = new ModelCompiler(hw, spec, files, temporaries, processes);
            return;
        }
        mount = null;
        FileService service = switch (row.config()) {
            case "Local" -> local;
            case "NFS" -> remote(RemoteFiles.Protocol.NFS, local, names);
            case "AFS" -> remote(RemoteFiles.Protocol.AFS, local, names);
            default -> throw new IllegalStateException("no model of the configuration " + row.config());
        };
        FileService temporaryService = spec.flag("local_temporaries") ? local : service;
        files = new ModelFiles(names, service, descriptors, hw);
        processes = new ModelProcesses(hw, spec, descriptors, files, service::exec);
        compiler = new ModelCompiler(hw, spec, files, new ModelFiles(names, temporaryService, descriptors, hw), processes);
    }

    private RemoteFiles remote(RemoteFiles.Protocol protocol, LocalDisk clientSide, Namespace names) {
        LocalDisk server = new LocalDisk(new Hardware(simulation, spec), spec, names);
        return new RemoteFiles(protocol, clientSide, server, new Network(simulation, spec), spec);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** The modelled row: machine, operating system, configuration. */
    public ModelRow row() {
        return spec.row();
    }

    /** Every parameter this platform uses, with its source: the model's, then those of a mounted file system. */
    public Map<String, Parameter> parameters() {
        Map<String, Parameter> all = new LinkedHashMap<>(spec.applicable());
        if (mount != null) {
            mount.parameters().forEach(p -> all.putIfAbsent(p.name(), p));
        }
        return all;
    }

    @Override
    public <C extends Capability> C require(Class<C> capability) {
        Object provided;
        if (capability == KernelEntry.class || capability == Pipes.class || capability == Select.class || capability == Processes.class) {
            provided = processes;
        } else if (capability == Memory.class) {
            provided = memory;
        } else if (capability == Files.class) {
            provided = files;
        } else if (capability == Compiler.class) {
            provided = compiler;
        } else {
            throw new CapabilityMissing(name, capability);
        }
        return capability.cast(provided);
    }

    @Override
    public void close() {
        memory.close();
        if (mount != null) {
            mount.close();
        }
    }
}
