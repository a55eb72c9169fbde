package org.asfast.sim.cluster;

/**
 * How long a node's disk takes over each request, for a node whose disk is modelled in more detail than a fixed
 * access time (the Ousterhout model's, whose platter keeps turning between requests). The timing queues the
 * requests itself, one arm for all of the node's storages.
 */
public interface DiskTiming {
    /** Books a transfer of {@code bytes} at {@code offset} of the node's storage {@code storage}, arriving at {@code arrival}; returns when it ends. */
    double book(double arrival, String storage, long offset, int bytes);
}
