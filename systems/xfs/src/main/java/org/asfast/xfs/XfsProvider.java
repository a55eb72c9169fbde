package org.asfast.xfs;

import org.asfast.systems.SystemProvider;

/** xFS live on this computer ({@code xfs-live}), on a network with the settings' faults: its benchmarks (XfsLiveBenchmark) open it by name. */
public final class XfsProvider extends SystemProvider {
    public static final String LIVE = "xfs-live";

    public XfsProvider() {
        live(LIVE, (faults, settings) -> new XfsLivePlatform(LIVE, faults));
    }
}
