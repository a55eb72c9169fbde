package org.asfast.model;

import org.asfast.nodes.Faults;
import org.asfast.sim.FifoResource;
import org.asfast.sim.Simulation;
import org.asfast.sim.Timer;

/**
 * A 10 Mbit/s Ethernet between clients and a server of the same kind of machine (§9: "In each case the server was
 * the same kind of machine as the client"), carrying remote procedure calls as messages in the simulation:
 * <ol>
 * <li>the client's CPU does the protocol work for the request's packets and copies it out;</li>
 * <li>the request crosses the wire, which carries one message at a time;</li>
 * <li>it arrives as an event at the server, whose handler receives it, does the call's work and sends the reply;
 *     handlers run one at a time on the server's CPU, so requests from several clients queue there;</li>
 * <li>the reply crosses the wire and the client's CPU receives it.</li>
 * </ol>
 * A workload on the client waits for the reply ({@link #call}). Datagrams can be lost or duplicated by a seeded
 * {@link Faults} schedule, and a client that hears no reply within its timeout sends the request again; the
 * Ousterhout machines run without faults, so no timer is ever set for them.
 */
final class Network {
    private final Simulation simulation;
    private final FifoResource wire;
    private final double bitsPerMicrosecond;
    private final double packetBytes;
    private final double headerBytes;
    private final double packetInstructions;
    private final double rpcInstructions;
    private final Faults.Stream requestFaults;
    private final Faults.Stream replyFaults;
    private final double retransmitNanos;
    private long retransmissions;

    Network(Simulation simulation, ModelSpec spec) {
        this(simulation, spec, Faults.NONE, Double.POSITIVE_INFINITY);
    }

    /** A network whose datagrams meet {@code faults}; a client sends a request again after {@code retransmitNanos} without a reply. */
    Network(Simulation simulation, ModelSpec spec, Faults faults, double retransmitNanos) {
        this.simulation = simulation;
        wire = new FifoResource(simulation, "ethernet");
        bitsPerMicrosecond = spec.number("ethernet_mbps");
        packetBytes = spec.number("packet_bytes");
        headerBytes = spec.number("packet_header_bytes");
        packetInstructions = spec.number("packet_instructions");
        rpcInstructions = spec.number("rpc_instructions");
        requestFaults = faults.stream(0);
        replyFaults = faults.stream(1);
        this.retransmitNanos = retransmitNanos;
    }

    /** One call made by the workload on {@code client}: it waits until its CPU has received the reply. */
    void call(Hardware client, Hardware server, long requestBytes, long replyBytes, Runnable serverWork) {
        boolean[] replied = {false};
        send(client, server, requestBytes, replyBytes, serverWork, () -> replied[0] = true);
        if (!simulation.runUntil(() -> replied[0])) {
            throw new IllegalStateException("a remote call's reply never came and nothing was left to happen; give the client a retransmission timeout");
        }
    }

    /**
     * One call as messages, returning at once: {@code replied} runs when the client's CPU has received the reply.
     * {@code serverWork} runs in the server's handler, once for every copy of the request that arrives.
     */
    void send(Hardware client, Hardware server, long requestBytes, long replyBytes, Runnable serverWork, Runnable replied) {
        new Exchange(client, server, requestBytes, replyBytes, serverWork, replied).transmit();
    }

    /** Requests sent again because no reply came in time. */
    long retransmissions() {
        return retransmissions;
    }

    /** One call in flight: its request, any retransmission timer, and whether the reply has come. */
    private final class Exchange {
        final Hardware client;
        final Hardware server;
        final long requestBytes;
        final long replyBytes;
        final Runnable serverWork;
        final Runnable replied;
        Timer retransmission;
        boolean done;

        Exchange(Hardware client, Hardware server, long requestBytes, long replyBytes, Runnable serverWork, Runnable replied) {
            this.client = client;
            this.server = server;
            this.requestBytes = requestBytes;
            this.replyBytes = replyBytes;
            this.serverWork = serverWork;
            this.replied = replied;
        }

        void transmit() {
            double leaves = client.handle(() -> packetsOut(client, requestBytes));
            if (retransmitNanos != Double.POSITIVE_INFINITY) {
                retransmission = simulation.at(leaves + retransmitNanos, () -> {
                    retransmissions++;
                    transmit();
                });
            }
            deliver(leaves, requestBytes, requestFaults, this::serve);
        }

        /** The server's handler for a request. */
        void serve() {
            double leaves = server.handle(() -> {
                packetsIn(server, requestBytes);
                server.kernel(rpcInstructions);
                serverWork.run();
                packetsOut(server, replyBytes);
            });
            deliver(leaves, replyBytes, replyFaults, this::receiveReply);
        }

        /** The client's handler for a reply; a second copy (a duplicate, or the reply to a retransmission) is ignored. */
        void receiveReply() {
            if (done) {
                return;
            }
            done = true;
            if (retransmission != null) {
                retransmission.cancel();
            }
            simulation.at(client.handle(() -> {
                packetsIn(client, replyBytes);
                client.kernel(rpcInstructions);
            }), replied);
        }
    }

    /** A message leaves at {@code departure}, crosses the wire, and arrives as an event unless the network loses it. */
    private void deliver(double departure, long bytes, Faults.Stream faults, Runnable arrives) {
        double arrival = wire.reserveFrom(departure, (bytes + packets(bytes) * headerBytes) * 8 / bitsPerMicrosecond * 1000);
        for (long delay : faults.fate()) {
            simulation.at(arrival + delay, arrives);
        }
    }

    /** The sender's CPU: protocol work for every packet, and the copy out of memory. */
    private void packetsOut(Hardware from, long bytes) {
        from.kernel(packets(bytes) * packetInstructions);
        from.copy(bytes, false, false);
    }

    /** The receiver's CPU: the same work on the way in. */
    private void packetsIn(Hardware to, long bytes) {
        packetsOut(to, bytes);
    }

    private long packets(long bytes) {
        return Math.max(1, (long) Math.ceil(bytes / packetBytes));
    }
}
