package org.asfast.systems;

import org.asfast.spi.Clock;

/** A platform over a system's {@link Machines}: its name, their clock, the capabilities the subclass implements, and closing them. */
public abstract class MachinesPlatform extends SystemPlatform {
    protected final Machines machines;

    protected MachinesPlatform(String name, Machines machines) {
        super(name);
        this.machines = machines;
    }

    @Override
    public Clock clock() {
        return machines.clock();
    }

    @Override
    public void close() {
        machines.close();
    }
}
