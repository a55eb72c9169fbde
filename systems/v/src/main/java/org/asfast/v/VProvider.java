package org.asfast.v;

import java.util.List;
import java.util.Map;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;
import org.asfast.spi.UserError;

/**
 * V's simulated platforms: {@code sun3-75-v-sim}, two SUN-3/75s (Cheriton's Table I), and
 * {@code mvax2-v-sim}, two MicroVAX IIs (Table II), each on a 10 Mbit/s Ethernet; and {@code v-live}, the same
 * nodes on this computer over UDP on loopback, one server host in a JVM of its own. The system property
 * {@code asfast.faults} (e.g. {@code drop=0.1,dup=0.05,seed=7}) puts a fault schedule on the network.
 */
public final class VProvider implements PlatformProvider {
    @Override
    public PlatformKind kind(String name) {
        return name.equals(LIVE) ? PlatformKind.LIVE : PlatformKind.SIMULATED;
    }

    /** System property: the simulated network's faults, in {@link Faults#parse} syntax. */
    public static final String FAULTS = "asfast.faults";
    /** Platform name to the modelled machine it runs on. */
    static final Map<String, String> MACHINES = Map.of("sun3-75-v-sim", "Sun3", "mvax2-v-sim", "MVAX2");

    /** V live on this computer: nodes in JVMs of their own over UDP on loopback. */
    static final String LIVE = "v-live";

    @Override
    public List<String> names() {
        return java.util.stream.Stream.concat(MACHINES.keySet().stream(), java.util.stream.Stream.of(LIVE)).sorted().toList();
    }

    @Override
    public Platform open(String name, PlatformSettings settings) {
        String machine = MACHINES.get(name);
        if (name.equals(LIVE)) {
            try {
                return new VLivePlatform(System.getProperty(FAULTS, ""));
            } catch (IllegalArgumentException | org.asfast.live.LiveException e) {
                throw new UserError(e.getMessage());
            }
        }
        if (machine == null) {
            throw new UserError("unknown V platform '" + name + "'; choose one of " + String.join(", ", names()));
        }
        Faults faults;
        try {
            faults = Faults.parse(System.getProperty(FAULTS, ""));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return new VPlatform(name, VParameters.on(machine, List.of()), faults);
    }
}
