package org.asfast.sprite;

import java.util.List;
import java.util.Locale;
import org.asfast.nodes.Faults;
import org.asfast.spi.Capability;
import org.asfast.spi.CapabilityMissing;
import org.asfast.spi.RemoteExecution;
import org.asfast.spi.TimeOfDay;
import org.asfast.systems.Machines;
import org.asfast.systems.MachinesPlatform;
import org.asfast.systems.Outcome;
import org.asfast.systems.SystemParameters;

/**
 * Sprite's processes and their migration (Douglis et al. §3.4, Tables 3 and 4) on three machines: the benchmark's
 * home workstation, an idle host and the file server (Sprite's file system's {@link SpriteFileServer}, which also
 * runs the global migration daemon behind a pseudo-device); simulated on Sun 3/60s or live on this computer. Live, the
 * processes run from the home machine only, so a migrated process's gettimeofday is simulated only.
 */
public final class SpriteProcesses extends MachinesPlatform implements RemoteExecution, TimeOfDay {
    private final SpriteHost caller;
    /** The idle host's node, when it runs in this JVM (simulated); null live. */
    private final SpriteHost idleHost;

    /** The machines, and the small program installed on the file server. */
    private SpriteProcesses(String name, SpriteHost caller, SpriteHost idleHost, Machines machines) {
        super(name, machines);
        this.caller = caller;
        this.idleHost = idleHost;
        setUp(SpriteHost.HOME, caller::install, "installing the program on Sprite's file server");
    }

    public static SpriteProcesses simulated(String name, SystemParameters parameters, Faults faults) {
        SpriteHost home = new SpriteHost();
        SpriteHost idle = new SpriteHost();
        return new SpriteProcesses(name, home, idle, Machines.simulated(parameters, faults, List.of(home, idle, new SpriteFileServer())));
    }

    public static SpriteProcesses live(String name, String faults) {
        SpriteHost home = new SpriteHost();
        return new SpriteProcesses(name, home, null, Machines.live(SpriteSimulated.parameters(), faults, home, List.of(SpriteHost.class, SpriteFileServer.class)));
    }

    /** Crashes the idle host a process migrates to. */
    public void crashIdleHost() {
        machines.crash(SpriteHost.IDLE_HOST);
    }

    @Override
    public void invoke(Site site) {
        Outcome outcome = new Outcome();
        machines.await(SpriteHost.HOME, () -> caller.invoke(site, outcome), outcome,
                "Sprite exec (" + site.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
    }

    @Override
    public void forkAndWait() {
        Outcome outcome = new Outcome();
        machines.await(SpriteHost.HOME, () -> caller.forkAndWait(outcome), outcome, "Sprite fork");
    }

    @Override
    public long gettimeofday(boolean migrated) {
        if (migrated && idleHost == null) {
            throw new CapabilityMissing(name(), TimeOfDay.class);
        }
        Outcome outcome = new Outcome();
        machines.await(migrated ? SpriteHost.IDLE_HOST : SpriteHost.HOME, () -> (migrated ? idleHost : caller).gettimeofday(migrated, outcome), outcome,
                "Sprite gettimeofday");
        return clock().nanos() / 1000;
    }

    @Override
    public <C extends Capability> C require(Class<C> capability) {
        if (capability == TimeOfDay.class && idleHost == null) {
            throw new CapabilityMissing(name(), capability);
        }
        return super.require(capability);
    }
}
