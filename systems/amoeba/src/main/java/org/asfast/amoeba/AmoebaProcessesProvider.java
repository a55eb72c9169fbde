package org.asfast.amoeba;

import org.asfast.systems.SystemProvider;

/** Amoeba's processes on its three machines (the benchmark's processor, a pool processor, the servers), simulated and live. */
public final class AmoebaProcessesProvider extends SystemProvider {
    public static final String SIMULATED = "sun3-60-amoeba-processes-sim";
    public static final String LIVE = "amoeba-processes-live";

    public AmoebaProcessesProvider() {
        simulated(SIMULATED, (faults, settings) -> AmoebaProcesses.simulated(SIMULATED, AmoebaSimulated.parameters(), faults));
        live(LIVE, (faults, settings) -> AmoebaProcesses.live(LIVE, faults));
    }
}
