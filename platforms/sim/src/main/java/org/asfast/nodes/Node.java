package org.asfast.nodes;

/**
 * One node of a distributed system (a V kernel, an Amoeba or Sprite server, an rmem clerk, an xFS
 * manager), written once as a single-threaded event loop of message and timer handlers, as the xFS
 * authors recommend. The same class runs in a {@code Simulation} on modelled hardware, live in its own
 * JVM over UDP, and under a search of message orders; it never learns which.
 *
 * <p>Handlers never block and are never run concurrently with another handler of the same node.
 */
public interface Node {

    /** Called once, before any message; the context stays valid for the node's life. */
    void start(NodeContext context);

    /** A datagram from node {@code from} arrived. Datagrams may be lost, duplicated, delayed or reordered. */
    void receive(int from, byte[] message);
}
