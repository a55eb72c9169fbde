package org.asfast.systems;

import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.Platform;

/** A platform over a system's {@link Machines}: its name, their clock, the capabilities the subclass implements, and closing them. */
public abstract class MachinesPlatform implements Platform {
    private final String name;
    protected final Machines machines;

    protected MachinesPlatform(String name, Machines machines) {
        this.name = name;
        this.machines = machines;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Clock clock() {
        return machines.clock();
    }

    @Override
    public <C extends Capability> C require(Class<C> capability) {
        if (capability.isInstance(this)) {
            return capability.cast(this);
        }
        throw new CapabilityMissing(name, capability);
    }

    @Override
    public void close() {
        machines.close();
    }
}
