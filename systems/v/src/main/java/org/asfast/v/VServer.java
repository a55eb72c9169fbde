package org.asfast.v;

/**
 * A V server process, blocked in Receive: the kernel calls {@link #receive} with each request, and the
 * server answers through the kernel (Reply, MoveTo, MoveFrom), now or later. Lives inside its host's
 * {@link VKernel} node, whose CPU it shares and whose loop runs it.
 */
public interface VServer {

    /** Called when the server's kernel has assigned it a process id. */
    default void started(VKernel kernel, int pid) {
    }

    /** A request arrived, exactly once per client transaction. */
    void receive(Request request);
}
