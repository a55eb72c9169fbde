package org.asfast.v;

import java.util.List;
import org.asfast.systems.SystemProvider;

/**
 * V's simulated platforms: {@code sun3-75-v-sim}, two SUN-3/75s (Cheriton's Table I), and
 * {@code mvax2-v-sim}, two MicroVAX IIs (Table II), each on a 10 Mbit/s Ethernet; and {@code v-live}, the same
 * nodes on this computer over UDP on loopback, one server host in a JVM of its own. The settings' fault setting
 * (e.g. {@code drop=0.1,dup=0.05,seed=7}) puts a fault schedule on the network.
 */
public final class VProvider extends SystemProvider {
    /** V live on this computer: nodes in JVMs of their own over UDP on loopback. */
    static final String LIVE = "v-live";

    public VProvider() {
        simulated("mvax2-v-sim", (faults, settings) -> new VPlatform("mvax2-v-sim", VParameters.on("MVAX2", List.of()), faults));
        simulated("sun3-75-v-sim", (faults, settings) -> new VPlatform("sun3-75-v-sim", VParameters.on("Sun3", List.of()), faults));
        live(LIVE, (faults, settings) -> new VLivePlatform(faults));
    }
}
