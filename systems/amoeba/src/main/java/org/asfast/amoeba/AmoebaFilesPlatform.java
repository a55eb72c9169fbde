package org.asfast.amoeba;

import java.util.function.Consumer;
import org.asfast.nodes.NodeContext;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Compiler;
import org.asfast.spi.Files;
import org.asfast.spi.Memory;
import org.asfast.spi.Platform;
import org.asfast.spi.Processes;
import org.asfast.systems.LivePrograms;
import org.asfast.systems.SimulatedPrograms;
import org.asfast.systems.SystemParameters;

/**
 * Amoeba's file service as a platform, simulated or live: the process's files ({@link AmoebaFiles}) over its
 * kernel's transactions with the Bullet and directory servers. A subclass says how one transaction goes.
 */
abstract class AmoebaFilesPlatform implements Platform {
    /** The model's platform whose programs' figures (cp, the compiler) stand for Amoeba's: UNIX on the same Sun 3/60. */
    static final String PROGRAMS_LIKE = "sun3-60-sunos3.5-local";
    private final String name;
    private final AmoebaFiles files;
    private final SystemParameters parameters;
    /** cp and the compiler: simulated on the modelled client, or this JVM's live ({@link LivePrograms}). */
    private Capability programs;

    /** An unknown configuration is refused here, before a subclass starts anything. */
    AmoebaFilesPlatform(String name, String configuration, SystemParameters parameters) {
        this.name = name;
        this.parameters = parameters;
        files = new AmoebaFiles(name, AmoebaFiles.Configuration.parse(configuration), new AmoebaFiles.Servers() {
            @Override
            public byte[] bullet(byte[] request) {
                return trans(true, request);
            }

            @Override
            public byte[] directory(byte[] request) {
                return trans(false, request);
            }
        }, (int) parameters.number("bullet_transfer_bytes"));
    }

    /** One user-level transaction with the Bullet server ({@code bullet}) or the directory server; returns the reply. */
    protected abstract byte[] trans(boolean bullet, byte[] request);

    /** Runs work on the client machine's modelled CPU and returns when it is done; null where there is none (live). */
    protected Consumer<Consumer<NodeContext>> cpu() {
        return null;
    }

    /** Stops what the subclass started. */
    protected abstract void stop();

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final <C extends Capability> C require(Class<C> capability) {
        if (capability == Files.class || capability == Memory.class) {
            return capability.cast(files);
        }
        if (capability == Processes.class || capability == Compiler.class) {
            if (programs == null) {
                programs = cpu() == null ? new LivePrograms(name, files)
                        : new SimulatedPrograms(name, files, cpu(), parameters.withModel(PROGRAMS_LIKE, SimulatedPrograms.MODEL_FIGURES));
            }
            return capability.cast(programs);
        }
        throw new CapabilityMissing(name, capability);
    }

    @Override
    public final void close() {
        files.close();
        stop();
    }
}
