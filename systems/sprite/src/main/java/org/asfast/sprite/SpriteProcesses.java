package org.asfast.sprite;

import java.util.List;
import java.util.Locale;
import org.asfast.live.Load;
import org.asfast.nodes.Faults;
import org.asfast.spi.RemoteExecution;
import org.asfast.spi.TimeOfDay;
import org.asfast.systems.Machines;
import org.asfast.systems.MachinesPlatform;
import org.asfast.systems.Outcome;
import org.asfast.systems.SystemParameters;

/**
 * Sprite's processes and their migration (Douglis et al. §3.4, Tables 3 and 4) on three machines: the benchmark's
 * home workstation, an idle host and the file server (Sprite's file system's {@link SpriteFileServer}, which also
 * runs the global migration daemon behind a pseudo-device); simulated on Sun 3/60s or live on this computer.
 *
 * <p>gettimeofday is timed on the caller's machine, the only one whose kernel runs in the benchmark's JVM live. At
 * home, the process reads that kernel's clock. Migrated, the caller's machine plays the host the process moved to and
 * the other workstation (live, a JVM of its own) plays its home: the call goes there through the generic stub over
 * Sprite's RPC, so the time taken is the forwarded call's and nothing else's. The two workstations are alike, so
 * which of them is called home changes nothing simulated.
 */
public final class SpriteProcesses extends MachinesPlatform implements RemoteExecution, TimeOfDay {
    /** The home of a process that migrated to the caller's machine, for gettimeofday. */
    private static final int MIGRATED_PROCESS_HOME = SpriteHost.IDLE_HOST;

    private final SpriteHost caller;

    /** The machines, and the small program installed on the file server. */
    private SpriteProcesses(String name, SpriteHost caller, Machines machines) {
        super(name, machines);
        this.caller = caller;
        setUp(SpriteHost.HOME, caller::install, "installing the program on Sprite's file server");
    }

    public static SpriteProcesses simulated(String name, SystemParameters parameters, Faults faults) {
        SpriteHost caller = new SpriteHost();
        return new SpriteProcesses(name, caller, Machines.simulated(parameters, faults, List.of(caller, new SpriteHost(), new SpriteFileServer())));
    }

    public static SpriteProcesses live(String name, String faults) {
        SpriteHost caller = new SpriteHost();
        return new SpriteProcesses(name, caller, Machines.live(SpriteSimulated.parameters(), faults, caller, List.of(SpriteHost.class, SpriteFileServer.class)));
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
        Outcome outcome = new Outcome();
        machines.await(SpriteHost.HOME, () -> caller.gettimeofday(migrated ? MIGRATED_PROCESS_HOME : SpriteHost.HOME, outcome), outcome, "Sprite gettimeofday");
        return clock().nanos() / 1000;
    }

    /** A machine's counters so far (live, asked of its JVM), for tests to see where the work went. */
    Load load(int machine) {
        return machines.load(machine);
    }
}
