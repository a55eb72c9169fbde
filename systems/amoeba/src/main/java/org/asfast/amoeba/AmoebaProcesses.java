package org.asfast.amoeba;

import java.util.List;
import org.asfast.nodes.Faults;
import org.asfast.spi.RemoteExecution;
import org.asfast.systems.Machines;
import org.asfast.systems.MachinesPlatform;
import org.asfast.systems.Outcome;
import org.asfast.systems.SystemParameters;

/**
 * Amoeba's processes (Douglis et al. §3.4, Tables 3 and 4) on five machines: the benchmark's processor, a pool
 * processor, the run and session servers' machine, and the Bullet and directory servers the program is loaded from;
 * simulated on Sun 3/60s or live on this computer.
 */
public final class AmoebaProcesses extends MachinesPlatform implements RemoteExecution {
    private final AmoebaProcessor caller;

    /** The machines, and the small program installed on the file service (its file committed on Bullet, its name entered). */
    private AmoebaProcesses(String name, AmoebaProcessor caller, Machines machines) {
        super(name, machines);
        this.caller = caller;
        setUp(AmoebaPool.CALLER, caller::install, "installing the program on Amoeba's file service");
    }

    public static AmoebaProcesses simulated(String name, SystemParameters parameters, Faults faults) {
        AmoebaProcessor caller = new AmoebaProcessor();
        return new AmoebaProcesses(name, caller, Machines.simulated(parameters, faults,
                List.of(caller, new AmoebaProcessor(), new AmoebaServers(), new BulletServer(), new DirectoryServer())));
    }

    public static AmoebaProcesses live(String name, String faults) {
        AmoebaProcessor caller = new AmoebaProcessor();
        return new AmoebaProcesses(name, caller, Machines.live(AmoebaSimulated.parameters(), faults, caller,
                List.of(AmoebaProcessor.class, AmoebaServers.class, BulletServer.class, DirectoryServer.class)));
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
}
