package org.asfast.amoeba;

import org.asfast.live.UniformLiveSystem;

/** Amoeba for {@code ./asfast live --system amoeba}: every node an Amoeba kernel. */
public final class AmoebaLiveSystem extends UniformLiveSystem {
    public AmoebaLiveSystem() {
        super("amoeba", AmoebaKernel.class, () -> AmoebaSimulated.parameters().numbers());
    }
}
