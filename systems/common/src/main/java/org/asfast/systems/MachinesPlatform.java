package org.asfast.systems;

import org.asfast.spi.Clock;

/** A platform over a system's {@link Machines}: its name, their clock, the capabilities the subclass implements, and closing them. */
public abstract class MachinesPlatform extends SystemPlatform {
    protected final Machines machines;

    protected MachinesPlatform(String name, Machines machines) {
        super(name);
        this.machines = machines;
    }

    /** Runs a set-up operation on {@code node} (installing a program) before the platform is used; a failure closes the machines. */
    protected final void setUp(int node, java.util.function.Consumer<Outcome> operation, String what) {
        Outcome done = new Outcome();
        try {
            machines.await(node, () -> operation.accept(done), done, what);
        } catch (RuntimeException e) {
            machines.close();
            throw e;
        }
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
