package org.asfast.sprite;

import org.asfast.live.UniformLiveSystem;

/** Sprite for {@code ./asfast live --system sprite}: every node a Sprite kernel. */
public final class SpriteLiveSystem extends UniformLiveSystem {
    public SpriteLiveSystem() {
        super("sprite", SpriteKernel.class, () -> SpriteSimulated.parameters().numbers());
    }
}
