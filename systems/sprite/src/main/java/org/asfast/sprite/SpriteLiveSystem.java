package org.asfast.sprite;

import java.util.Map;
import org.asfast.live.LiveSystem;

/** Sprite for {@code ./asfast live --system sprite}: every node an Sprite kernel. */
public final class SpriteLiveSystem implements LiveSystem {
    @Override
    public String name() {
        return "sprite";
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
        return SpriteKernel.class.getName();
    }

    @Override
    public Map<String, Double> parameters() {
        return SpriteSimulated.parameters().numbers();
    }
}
