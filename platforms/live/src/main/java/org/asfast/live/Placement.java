package org.asfast.live;

import java.nio.file.Path;

/**
 * Where a live node runs. The {@link Launcher} asks a placement to start each server node and then talks to it
 * through the returned {@link NodeProcess}'s standard input and output only (the line protocol of
 * {@link NodeMain}), so a placement on other machines (e.g. through ssh) can be added without touching the
 * launcher or the systems. {@link LocalProcessPlacement} is the one placement today: a JVM on this computer.
 */
public interface Placement {

    /**
     * Starts {@code nodeClass} as node {@code setup.id()} and returns at once, before the node is ready.
     *
     * @param runRoot the run's scratch root; the node's own scratch folder {@code setup.scratch()} lies inside it
     */
    NodeProcess start(String nodeClass, NodeSetup setup, Path runRoot);
}
