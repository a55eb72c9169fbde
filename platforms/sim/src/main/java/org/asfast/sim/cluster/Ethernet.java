package org.asfast.sim.cluster;

import org.asfast.sim.FifoResource;
import org.asfast.sim.Simulation;

/**
 * A shared 10 Mbit/s-class Ethernet: one datagram at a time on the wire, each costing its bytes plus a
 * header at the wire's rate, and per-packet driver work on the CPUs of both ends (charged by the cluster).
 * A datagram larger than {@code packetBytes} is refused: the protocols fragment, as Sprite, Amoeba and V did.
 */
public final class Ethernet implements Network {
    private final FifoResource wire;
    private final double bitsPerMicrosecond;
    private final int packetBytes;
    private final int headerBytes;
    private final double packetInstructions;
    private final boolean oneTransmitAtATime;
    private final boolean dmaTransmit;
    /** The least a datagram occupies the wire for: a shorter one is padded to it (0: none). */
    private final int minimumBytes;

    public Ethernet(Simulation simulation, double megabitsPerSecond, int packetBytes, int headerBytes, double packetInstructions) {
        this(simulation, megabitsPerSecond, packetBytes, headerBytes, packetInstructions, false, false);
    }

    /**
     * An Ethernet whose interfaces may differ from the default (each host queues any number of packets and the
     * driver copies each into the interface's buffer):
     *
     * @param oneTransmitAtATime the driver hands the interface one packet at a time and sets up the next only when
     *                           the last has left the wire (Sprite's Sun-3 Lance driver, netLEXmit.c), so a
     *                           sender's per-packet work does not overlap the wire
     * @param dmaTransmit        the interface reads outgoing packets from memory itself, so the sender copies
     *                           nothing (the Sun-3 Lance's gather DMA); the receiver still copies each packet out
     */
    public Ethernet(Simulation simulation, double megabitsPerSecond, int packetBytes, int headerBytes, double packetInstructions,
            boolean oneTransmitAtATime, boolean dmaTransmit) {
        this(simulation, megabitsPerSecond, packetBytes, headerBytes, packetInstructions, oneTransmitAtATime, dmaTransmit, 0);
    }

    /**
     * As above, with every datagram padded on the wire to at least {@code minimumBytes}: an ATM fibre carries whole
     * cells, whatever the message in one uses (rmem's READ request is 12 bytes of a 52-byte cell).
     */
    public Ethernet(Simulation simulation, double megabitsPerSecond, int packetBytes, int headerBytes, double packetInstructions,
            boolean oneTransmitAtATime, boolean dmaTransmit, int minimumBytes) {
        if (!(megabitsPerSecond > 0) || packetBytes <= 0 || headerBytes < 0 || !(packetInstructions >= 0) || minimumBytes < 0 || minimumBytes > packetBytes) {
            throw new IllegalArgumentException("an Ethernet needs a positive rate and packet size, non-negative header and per-packet work,"
                    + " and a minimum no larger than a packet");
        }
        this.wire = new FifoResource(simulation, "ethernet");
        this.bitsPerMicrosecond = megabitsPerSecond;
        this.packetBytes = packetBytes;
        this.headerBytes = headerBytes;
        this.packetInstructions = packetInstructions;
        this.oneTransmitAtATime = oneTransmitAtATime;
        this.dmaTransmit = dmaTransmit;
        this.minimumBytes = minimumBytes;
    }

    @Override
    public boolean oneTransmitAtATime() {
        return oneTransmitAtATime;
    }

    @Override
    public boolean dmaTransmit() {
        return dmaTransmit;
    }

    @Override
    public double wireNanos(int bytes) {
        return (Math.max(bytes, minimumBytes) + headerBytes) * 8 / bitsPerMicrosecond * 1000;
    }

    /** The largest datagram the wire carries. */
    public int packetBytes() {
        return packetBytes;
    }

    @Override
    public double packetInstructions() {
        return packetInstructions;
    }

    /** Puts a datagram on the one shared wire when the sender is done with it; returns when its last bit arrives. */
    @Override
    public double transmit(double departure, int bytes, int from, int to) {
        if (bytes > packetBytes) {
            throw new IllegalArgumentException("a datagram of " + bytes + " bytes exceeds the Ethernet packet of " + packetBytes + " bytes; fragment it");
        }
        return wire.reserveFrom(departure, wireNanos(bytes));
    }

    /** Time the wire has been busy, for utilisation. */
    public double busyNanos() {
        return wire.busyNanos();
    }
}
