package org.asfast.spi;

/** Marker for the services a platform may offer a workload. */
public interface Capability {
}
