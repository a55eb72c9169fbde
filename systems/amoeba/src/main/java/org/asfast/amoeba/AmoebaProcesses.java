package org.asfast.amoeba;

import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.Clock;
import org.asfast.spi.Platform;
import org.asfast.spi.RemoteExecution;
import org.asfast.systems.Machines;
import org.asfast.systems.Outcome;
import org.asfast.systems.SystemParameters;

/**
 * Amoeba's processes (Douglis et al. §3.4, Tables 3 and 4) on three machines: the benchmark's processor, a pool
 * processor and the dedicated server machine; simulated on Sun 3/60s or live on this computer.
 */
public final class AmoebaProcesses implements Platform, RemoteExecution {
    private final String name;
    private final AmoebaProcessor caller = new AmoebaProcessor();
    private final Machines machines;

    private AmoebaProcesses(String name, java.util.function.Function<AmoebaProcessor, Machines> machines) {
        this.name = name;
        this.machines = machines.apply(caller);
    }

    public static AmoebaProcesses simulated(String name, SystemParameters parameters, Faults faults) {
        return new AmoebaProcesses(name, caller -> Machines.simulated(parameters, faults, List.of(caller, new AmoebaProcessor(), new AmoebaServers())));
    }

    public static AmoebaProcesses live(String name, String faults) {
        return new AmoebaProcesses(name, caller -> Machines.live(AmoebaSimulated.parameters(), faults, caller, List.of(AmoebaProcessor.class, AmoebaServers.class)));
    }

    /** Crashes the pool processor a remote program runs on. */
    public void crashPoolProcessor() {
        machines.crash(AmoebaPool.POOL_PROCESSOR);
    }

    @Override
    public void invoke(Site site) {
        Outcome outcome = new Outcome();
        machines.await(AmoebaPool.CALLER, () -> caller.invoke(site, outcome), outcome, "Amoeba exec_file (" + site.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
    }

    @Override
    public void forkAndWait() {
        Outcome outcome = new Outcome();
        machines.await(AmoebaPool.CALLER, () -> caller.forkAndWait(outcome), outcome, "Amoeba fork through the session server");
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
