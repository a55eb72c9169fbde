package org.asfast.spi;

/**
 * Message passing between processes, as in the V kernel (Cheriton 1988): a client's Send carries a fixed
 * 32-byte message to a server process and blocks until the server's Reply; data beyond the message travels
 * as a segment, either with the Reply or moved by the server into the client's buffer (MoveTo) or out of
 * it (MoveFrom) while the client waits. The server runs on this host or on another one across the network.
 */
public interface Ipc extends Capability {

    /** Where a server process runs relative to its clients. */
    enum Where { LOCAL, REMOTE }

    /** How the server moves a transaction's {@code bytes} of segment data. */
    enum Transfer {
        /** The Reply carries the segment back to the client (a file read). */
        REPLY_SEGMENT,
        /** The server writes the client's buffer with MoveTo, then replies with the bare message. */
        MOVE_TO,
        /** The server reads the client's segment with MoveFrom (a file write), then replies with the bare message. */
        MOVE_FROM
    }

    /** A server process, blocked in Receive; answers every request with the data asked for. */
    interface Server {
    }

    /** Starts a server process here or on another host. */
    Server server(Where where);

    /**
     * One message transaction: a 32-byte request to {@code server}, which moves {@code bytes} of segment
     * data as {@code transfer} says, then replies with a 32-byte message. Returns the segment bytes the
     * client received or had read.
     */
    int send(Server server, Transfer transfer, int bytes);
}
