package org.asfast.sim.cluster;

import java.util.ArrayList;
import java.util.List;
import org.asfast.sim.FifoResource;
import org.asfast.sim.Simulation;

/**
 * A switched network of the Myrinet kind: every host has a full-duplex link of its own to a cut-through switch, so
 * datagrams between different pairs of hosts do not wait for each other; a datagram waits only for its sender's
 * outgoing link and its receiver's incoming one. Each datagram also spends the interface's per-packet time on both
 * ends (the network processor's firmware, not the host's CPU) and the switch's latency. The host's per-packet work
 * (a user-level messaging layer's send and receive) is charged on its CPU by the cluster; interfaces move data by
 * DMA, so only the receiver copies.
 */
public final class SwitchedNetwork implements Network {
    private final Simulation simulation;
    private final double bitsPerMicrosecond;
    private final int headerBytes;
    private final double hostPacketInstructions;
    private final double interfaceNanos;
    private final double switchNanos;
    private final List<FifoResource> outgoing = new ArrayList<>();
    private final List<FifoResource> incoming = new ArrayList<>();

    /**
     * @param megabitsPerSecond      each link's rate in each direction
     * @param headerBytes            bytes each datagram carries beyond its data (routing, type, CRC)
     * @param hostPacketInstructions the host CPU's work per datagram on each end
     * @param interfaceNanos         the interface's time per datagram on each end
     * @param switchNanos            the switch's cut-through latency
     */
    public SwitchedNetwork(Simulation simulation, double megabitsPerSecond, int headerBytes, double hostPacketInstructions,
            double interfaceNanos, double switchNanos) {
        if (!(megabitsPerSecond > 0) || headerBytes < 0 || !(hostPacketInstructions >= 0) || !(interfaceNanos >= 0) || !(switchNanos >= 0)) {
            throw new IllegalArgumentException("a switched network needs a positive link rate and non-negative header, per-packet work and latencies");
        }
        this.simulation = simulation;
        this.bitsPerMicrosecond = megabitsPerSecond;
        this.headerBytes = headerBytes;
        this.hostPacketInstructions = hostPacketInstructions;
        this.interfaceNanos = interfaceNanos;
        this.switchNanos = switchNanos;
    }

    @Override
    public double packetInstructions() {
        return hostPacketInstructions;
    }

    @Override
    public boolean oneTransmitAtATime() {
        return false;
    }

    @Override
    public boolean dmaTransmit() {
        return true;
    }

    @Override
    public double wireNanos(int bytes) {
        return (bytes + headerBytes) * 8 / bitsPerMicrosecond * 1000;
    }

    /** The sender's interface, its link, the switch, the receiver's link (cut through: both links carry the datagram at once) and interface. */
    @Override
    public double transmit(double departure, int bytes, int from, int to) {
        double wire = wireNanos(bytes);
        double leaves = link(outgoing, from).reserveFrom(departure + interfaceNanos, wire) - wire;
        return link(incoming, to).reserveFrom(leaves + switchNanos, wire) + interfaceNanos;
    }

    /** Time host {@code host}'s busier direction of its link has carried datagrams, for utilisation. */
    public double linkBusyNanos(int host) {
        return Math.max(link(outgoing, host).busyNanos(), link(incoming, host).busyNanos());
    }

    private FifoResource link(List<FifoResource> links, int host) {
        while (links.size() <= host) {
            links.add(new FifoResource(simulation, "link of host " + links.size()));
        }
        return links.get(host);
    }
}
