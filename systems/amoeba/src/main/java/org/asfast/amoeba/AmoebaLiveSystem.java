package org.asfast.amoeba;

import java.util.Map;
import org.asfast.live.LiveSystem;

/** Amoeba for {@code ./asfast live --system amoeba}: every node an Amoeba kernel. */
public final class AmoebaLiveSystem implements LiveSystem {
    @Override
    public String name() {
        return "amoeba";
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
        return AmoebaKernel.class.getName();
    }

    @Override
    public Map<String, Double> parameters() {
        return AmoebaSimulated.parameters().numbers();
    }
}
