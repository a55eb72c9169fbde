package org.asfast.v;

import java.util.List;
import java.util.Map;
import org.asfast.nodes.Faults;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;
import org.asfast.spi.UserError;

/**
 * V's simulated platforms: {@code sun3-75-v-sim}, two SUN-3/75s (Cheriton's Table I), and
 * {@code mvax2-v-sim}, two MicroVAX IIs (Table II), each on a 10 Mbit/s Ethernet. The system property
 * {@code asfast.faults} (e.g. {@code drop=0.1,dup=0.05,seed=7}) puts a fault schedule on the network.
 */
public final class VProvider implements PlatformProvider {
    /** System property: the simulated network's faults, in {@link Faults#parse} syntax. */
    public static final String FAULTS = "asfast.faults";
    /** Platform name to the modelled machine it runs on. */
    static final Map<String, String> MACHINES = Map.of("sun3-75-v-sim", "Sun3", "mvax2-v-sim", "MVAX2");

    @Override
    public List<String> names() {
        return MACHINES.keySet().stream().sorted().toList();
    }

    @Override
    public Platform open(String name, PlatformSettings settings) {
        String machine = MACHINES.get(name);
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
