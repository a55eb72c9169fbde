package org.asfast.sprite;

import org.asfast.model.ModelRow;
import org.asfast.model.ModelSpec;
import org.asfast.model.RemoteFileSystem;
import org.asfast.sim.Simulation;
import org.asfast.sim.cluster.DiskTiming;

/**
 * Sprite's file system as the Ousterhout model's diskless Sprite machines mount it (his Tables 7–10): this module's
 * {@link SpriteFsClient} with client caching on the modelled machine, its {@link SpriteFileServer} on another of the
 * same kind, the same code that fills Douglis et al.'s Table 2.
 */
public final class SpriteDiskless implements RemoteFileSystem {
    @Override
    public boolean serves(ModelRow row) {
        return row.os().equals("Sprite") && row.config().equals("Diskless");
    }

    @Override
    public Mount mount(Simulation simulation, ModelSpec spec, DiskTiming serverDisk) {
        return new SpriteMount(simulation, spec, serverDisk);
    }
}
