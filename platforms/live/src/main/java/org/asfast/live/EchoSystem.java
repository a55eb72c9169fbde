package org.asfast.live;

import java.util.Map;

/** The runtime's own system, {@code echo}: every node an {@link EchoNode}. It checks a machine can run live nodes. */
public final class EchoSystem extends UniformLiveSystem {
    public EchoSystem() {
        super("echo", EchoNode.class, Map::of);
    }
}
