package org.asfast.v;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asfast.live.UniformLiveSystem;

/**
 * V, live: every node is a {@link VServerHost} in a JVM of its own, talking VMTP over UDP on 127.0.0.1. The
 * parameters are the simulated SUN-3/75's (they only count work when live) with no modelled Ethernet
 * interface, and a VMTP timeout and retry count for loopback on a busy machine.
 */
public final class VLiveSystem extends UniformLiveSystem {
    public VLiveSystem() {
        super("v", VServerHost.class, VLiveSystem::liveParameters);
    }

    /** V's parameters as the live nodes use them. */
    static Map<String, Double> liveParameters() {
        Map<String, Double> p = new LinkedHashMap<>(VParameters.on("Sun3", List.of()).forNodes());
        p.put("interface_transmit_buffers", 0.0); // the frame goes straight to the socket
        // Loopback: a transaction takes tens of microseconds, but a node JVM on a busy machine can stall for tens of
        // milliseconds; a lost packet waits this long, and the client gives up only after about half a second.
        p.put("vmtp_timeout_ms", 50.0);
        p.put("vmtp_retries", 10.0);
        return p;
    }
}
