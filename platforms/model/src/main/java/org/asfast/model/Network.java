package org.asfast.model;

/**
 * A 10 Mbit/s Ethernet between a client and a server of the same kind of machine (§9: "In each case
 * the server was the same kind of machine as the client"). A remote procedure call costs protocol
 * work on both CPUs, per-packet work for every packet, and the wire time of every packet.
 */
final class Network {
    private final Hardware client;
    final Hardware server;
    private final double bitsPerMicrosecond;
    private final double packetBytes;
    private final double headerBytes;
    private final double packetInstructions;
    private final double rpcInstructions;

    Network(Hardware client, Hardware server, ModelSpec spec) {
        this.client = client;
        this.server = server;
        bitsPerMicrosecond = spec.number("ethernet_mbps");
        packetBytes = spec.number("packet_bytes");
        headerBytes = spec.number("packet_header_bytes");
        packetInstructions = spec.number("packet_instructions");
        rpcInstructions = spec.number("rpc_instructions");
    }

    /** One call: request out, the server's work, reply back; the client waits throughout. */
    void call(long requestBytes, long replyBytes, Runnable serverWork) {
        send(client, server, requestBytes);
        server.kernel(rpcInstructions);
        serverWork.run();
        send(server, client, replyBytes);
        client.kernel(rpcInstructions);
    }

    private void send(Hardware from, Hardware to, long bytes) {
        long packets = Math.max(1, (long) Math.ceil(bytes / packetBytes));
        from.kernel(packets * packetInstructions);
        from.copy(bytes, false, false);
        from.clock.advance((bytes + packets * headerBytes) * 8 / bitsPerMicrosecond * 1000);
        to.kernel(packets * packetInstructions);
        to.copy(bytes, false, false);
    }
}
