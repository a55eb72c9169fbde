package org.asfast.v;

/**
 * One client transaction as the server process sees it after Receive: the 32-byte message, the segment
 * that came with the request (empty when the server must fetch it with MoveFrom), and the client's id.
 */
public final class Request {
    final int client;
    final int server;
    final int transaction;
    final byte[] message;
    final byte[] segment;
    final int exposedBytes;
    boolean replied;

    Request(int client, int server, int transaction, byte[] message, byte[] segment, int exposedBytes) {
        this.client = client;
        this.server = server;
        this.transaction = transaction;
        this.message = message;
        this.segment = segment;
        this.exposedBytes = exposedBytes;
    }

    public int client() {
        return client;
    }

    public byte[] message() {
        return message.clone();
    }

    /** The segment sent with the request; empty if none. */
    public byte[] segment() {
        return segment;
    }

    /** The size of the client's segment the server may read with MoveFrom. */
    public int exposedBytes() {
        return exposedBytes;
    }
}
