package org.asfast.host;

import java.util.List;

import org.asfast.spi.Platform;
import org.asfast.spi.PlatformKind;
import org.asfast.spi.PlatformProvider;
import org.asfast.spi.PlatformSettings;

/** Registers the "host" platform with the {@link java.util.ServiceLoader}. */
public final class HostProvider implements PlatformProvider {
    @Override
    public PlatformKind kind(String name) {
        return PlatformKind.MEASURED;
    }

    @Override
    public List<String> names() {
        return List.of(HostPlatform.NAME);
    }

    @Override
    public Platform open(String name, PlatformSettings settings) {
        return new HostPlatform(settings.target());
    }
}
