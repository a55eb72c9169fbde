package org.asfast.spi;

/**
 * A place where workloads run: this computer, a modelled 1990 machine, or a distributed system.
 *
 * <p>A workload asks for the capabilities it needs with {@link #require}. A platform that lacks
 * one throws {@link CapabilityMissing}, and the harness reports the cell as "n/a"; the workload
 * never branches on which platform it is on.
 */
public interface Platform extends AutoCloseable {

    /** The name users select it by, e.g. {@code host} or {@code ds3100-sprite-local}. */
    String name();

    /** The platform's clock: wall time for real platforms, virtual time for modelled ones. */
    Clock clock();

    /** Returns the capability, or throws {@link CapabilityMissing} if this platform lacks it. */
    <C extends Capability> C require(Class<C> capability);

    /** Releases everything the platform holds, including its scratch files. */
    @Override
    void close();
}
