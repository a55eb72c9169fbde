package org.asfast.model;

import java.util.List;
import java.util.ServiceLoader;
import org.asfast.sim.Simulation;
import org.asfast.sim.cluster.DiskTiming;
import org.asfast.spi.Files;

/**
 * A remote configuration's file system written once, as a distributed system's nodes, outside the model (Sprite's
 * client and file server, in systems/sprite), which a modelled machine mounts: its client runs on this machine's
 * hardware and its server on another of the same kind (§9), on the platform's own simulation. Found through
 * {@link ServiceLoader}, so the model does not depend on the system that supplies it.
 */
public interface RemoteFileSystem {
    /** True if this is the file system of the row's operating system in the row's configuration. */
    boolean serves(ModelRow row);

    /**
     * Mounts the file system for the row's machine, whose figures {@code spec} gives (hardware and operating system,
     * with any what-if laid over them), on {@code simulation}; the server's disk takes as long as {@code serverDisk} says.
     */
    Mount mount(Simulation simulation, ModelSpec spec, DiskTiming serverDisk);

    /** A mounted file system, as the workloads on the client machine use it. */
    interface Mount extends AutoCloseable {
        /** The client's file calls: each returns when the client has its answer, its costs charged on the simulation's time. */
        Files files();

        /** Loading a program kept on the server: the client opens it there and closes it again. */
        void loadProgram();

        /** The system's own figures the mount uses beyond {@code spec}'s, each with its source. */
        List<Parameter> parameters();

        @Override
        void close();
    }

    /** The file system that serves {@code row}, from the class path. */
    static RemoteFileSystem serving(ModelRow row) {
        for (RemoteFileSystem system : ServiceLoader.load(RemoteFileSystem.class)) {
            if (system.serves(row)) {
                return system;
            }
        }
        throw new IllegalStateException("no file system for " + row.os() + " " + row.config() + " on the class path: the modelled platform "
                + row.platform() + " mounts the one its system supplies (systems/sprite for Sprite)");
    }
}
