package org.asfast.live;

import java.util.Map;

/** The runtime's own system, {@code echo}: every node an {@link EchoNode}. It checks a machine can run live nodes. */
public final class EchoSystem implements LiveSystem {
    @Override
    public String name() {
        return "echo";
    }

    @Override
    public int minNodes() {
        return 1;
    }

    @Override
    public int maxNodes() {
        return 16;
    }

    @Override
    public String nodeClass(int address, int nodes) {
        return EchoNode.class.getName();
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of();
    }
}
