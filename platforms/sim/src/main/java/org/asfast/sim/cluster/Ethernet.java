package org.asfast.sim.cluster;

import org.asfast.sim.FifoResource;
import org.asfast.sim.Simulation;

/**
 * A shared 10 Mbit/s-class Ethernet: one datagram at a time on the wire, each costing its bytes plus a
 * header at the wire's rate, and per-packet driver work on the CPUs of both ends (charged by the cluster).
 * A datagram larger than {@code packetBytes} is refused: the protocols fragment, as Sprite, Amoeba and V did.
 */
public final class Ethernet {
    private final FifoResource wire;
    private final double bitsPerMicrosecond;
    private final int packetBytes;
    private final int headerBytes;
    private final double packetInstructions;

    public Ethernet(Simulation simulation, double megabitsPerSecond, int packetBytes, int headerBytes, double packetInstructions) {
        if (!(megabitsPerSecond > 0) || packetBytes <= 0 || headerBytes < 0 || !(packetInstructions >= 0)) {
            throw new IllegalArgumentException("an Ethernet needs a positive rate and packet size, and non-negative header and per-packet work");
        }
        this.wire = new FifoResource(simulation, "ethernet");
        this.bitsPerMicrosecond = megabitsPerSecond;
        this.packetBytes = packetBytes;
        this.headerBytes = headerBytes;
        this.packetInstructions = packetInstructions;
    }

    /** The largest datagram the wire carries. */
    public int packetBytes() {
        return packetBytes;
    }

    /** Kernel instructions of driver work per packet, on each end. */
    public double packetInstructions() {
        return packetInstructions;
    }

    /** Puts a datagram on the wire when the sender is done with it; returns when its last bit arrives. */
    double transmit(double departure, int bytes) {
        if (bytes > packetBytes) {
            throw new IllegalArgumentException("a datagram of " + bytes + " bytes exceeds the Ethernet packet of " + packetBytes + " bytes; fragment it");
        }
        double wireNanos = (bytes + headerBytes) * 8 / bitsPerMicrosecond * 1000;
        return wire.reserveFrom(departure, wireNanos);
    }

    /** Time the wire has been busy, for utilisation. */
    public double busyNanos() {
        return wire.busyNanos();
    }
}
