package org.asfast.xfs;

import java.util.List;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;

/** xFS live on this computer ({@code xfs-live}): its benchmarks (XfsLiveBenchmark) open it by name. */
public final class XfsProvider implements PlatformProvider {
    public static final String LIVE = "xfs-live";

    @Override
    public PlatformKind kind(String name) {
        return PlatformKind.LIVE;
    }

    @Override
    public List<String> names() {
        return List.of(LIVE);
    }

    @Override
    public org.asfast.spi.Platform open(String name, PlatformSettings settings) {
        return new XfsLivePlatform(name);
    }
}
