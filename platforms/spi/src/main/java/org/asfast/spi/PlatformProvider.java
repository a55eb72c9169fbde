package org.asfast.spi;

import java.util.List;

/**
 * Makes platforms by name. Adapters register one with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.asfast.spi.PlatformProvider}); {@link Platforms} finds them.
 */
public interface PlatformProvider {

    /**
     * What kind of platform {@code name} (one this provider opens) is: measured (this computer, wall clock), modelled
     * (virtual time on a modelled machine), simulated (a distributed system in the discrete-event simulation) or live (a
     * distributed system's nodes on this computer). Runs record it for each platform and the report labels rows from it.
     */
    PlatformKind kind(String name);

    /** The platform names this provider can open. */
    List<String> names();

    /** True if this provider opens {@code name}: one of {@link #names()}, or a variant of one it understands. */
    default boolean opens(String name) {
        return names().contains(name);
    }

    /** Opens the named platform; {@link #opens} is true for {@code name}. */
    Platform open(String name, PlatformSettings settings);
}
