package org.asfast.rmem;

import java.util.List;
import org.asfast.spi.Platform;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;

/** rmem live on this computer (its simulated cells come from {@link ThekkathPaper}). */
public final class RmemProvider implements PlatformProvider {
    public static final String LIVE = "rmem-live";

    @Override
    public PlatformKind kind(String name) {
        return PlatformKind.LIVE;
    }

    @Override
    public List<String> names() {
        return List.of(LIVE);
    }

    @Override
    public Platform open(String name, PlatformSettings settings) {
        return new RmemLivePlatform(LIVE, "");
    }
}
