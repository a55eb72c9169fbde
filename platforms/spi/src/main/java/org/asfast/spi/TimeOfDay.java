package org.asfast.spi;

/**
 * gettimeofday from a process on its home machine or from one that migrated to another host (Douglis et al. §3.4:
 * a call that is not location-transparent, which a migrated process's kernel forwards home).
 */
public interface TimeOfDay extends Capability {

    /** The home machine's time of day in microseconds, asked by a process at home or migrated elsewhere. */
    long gettimeofday(boolean migrated);
}
