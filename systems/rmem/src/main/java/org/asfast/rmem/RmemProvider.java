package org.asfast.rmem;

import org.asfast.systems.SystemProvider;

/** rmem live on this computer (its simulated cells come from {@link ThekkathPaper}). */
public final class RmemProvider extends SystemProvider {
    public static final String LIVE = "rmem-live";

    public RmemProvider() {
        live(LIVE, (faults, settings) -> new RmemLivePlatform(LIVE, faults));
    }
}
