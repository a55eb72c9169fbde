package org.asfast.spi;

import java.util.List;

/**
 * Makes platforms by name. Adapters register one with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.asfast.spi.PlatformProvider}); {@link Platforms} finds them.
 */
public interface PlatformProvider {

    /** The platform names this provider can open. */
    List<String> names();

    /** Opens the named platform; {@code name} is one of {@link #names()}. */
    Platform open(String name, PlatformSettings settings);
}
