package org.asfast.sim.cluster;

/**
 * The wire between a cluster's hosts as the cluster sees it: the per-packet driver work it charges on both CPUs,
 * whether the sender copies and waits for the interface, and when a datagram put on the wire arrives.
 */
public interface Network {
    /** Instructions of per-packet work on each end (kernel driver work, or a user-level messaging layer's). */
    double packetInstructions();

    /** True when a host's next packet waits until its last one has left the wire. */
    boolean oneTransmitAtATime();

    /** True when the sender does not copy outgoing packets. */
    boolean dmaTransmit();

    /** Nanoseconds a datagram of {@code bytes} occupies the sender's link, its header included. */
    double wireNanos(int bytes);

    /** Puts a datagram from host {@code from} to host {@code to} on the wire at {@code departure}; returns when it arrives. */
    double transmit(double departure, int bytes, int from, int to);
}
