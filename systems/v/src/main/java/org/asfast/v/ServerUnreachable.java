package org.asfast.v;

/** A server's host stopped answering: the client kernel retransmitted and gave up. The message is one line. */
public final class ServerUnreachable extends RuntimeException {
    public ServerUnreachable(String message) {
        super(message);
    }
}
