package org.asfast.amoeba;

import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Files;
import org.asfast.spi.Memory;
import org.asfast.spi.Platform;
import org.asfast.systems.SystemParameters;

/**
 * Amoeba's file service as a platform, simulated or live: the process's files ({@link AmoebaFiles}) over its
 * kernel's transactions with the Bullet and directory servers. A subclass says how one transaction goes.
 */
abstract class AmoebaFilesPlatform implements Platform {
    private final String name;
    private final AmoebaFiles files;

    /** An unknown configuration is refused here, before a subclass starts anything. */
    AmoebaFilesPlatform(String name, String configuration, SystemParameters parameters) {
        this.name = name;
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
        throw new CapabilityMissing(name, capability);
    }

    @Override
    public final void close() {
        files.close();
        stop();
    }
}
