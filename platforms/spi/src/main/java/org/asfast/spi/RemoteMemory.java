package org.asfast.spi;

/**
 * Remote memory, as Thekkath et al. define it (§3.1): segments another machine exported by name, read, written and
 * compared-and-swapped at byte offsets with no process on that machine taking part; and the segment name server's
 * operations as a user sees them (§4, Table 3), each a kernel call to this machine's clerk.
 */
public interface RemoteMemory extends Capability {

    /** Imports the segment exported as {@code name}; an unknown name is a {@link UserError}. */
    Segment open(String name);

    /**
     * One WRITE of a single cell, unacknowledged as the paper's, to the segment exported as {@code name}, whose owner
     * waits on it and WRITEs a cell back the same way; returns when that cell has landed in this machine's memory. With
     * {@code notify} both WRITEs carry the notification bit: each side's process is woken by notification and the
     * echo returns once this machine's handler has run. Two one-way WRITEs, timed by one clock.
     */
    void writeEcho(String name, boolean notify);

    /** ADDNAME: exports a segment of this machine's under {@code name} (again: under a new generation). */
    void export(String name);

    /** DELETENAME: revokes the segment this machine exported under {@code name}. */
    void revoke(String name);

    /**
     * LOOKUPNAME: imports {@code name} through this machine's clerk, from its cache of imported names when
     * {@code cached} (after a first import), else by reading the name server's registry remotely.
     */
    void lookup(String name, boolean cached);

    /** LOOKUP with notification: the name server's clerk is asked by a WRITE with notification and WRITEs the entry back. */
    void lookupByNotification(String name);

    /** An imported segment. Each call returns when the operation is over; an access outside it is a {@link UserError}. */
    interface Segment {
        /** READ: {@code bytes} at {@code offset}, brought into this machine's memory. */
        byte[] read(int offset, int bytes);

        /** WRITE: {@code data} at {@code offset}; returns once the data is in the remote memory. */
        void write(int offset, byte[] data);

        /**
         * {@code count} WRITEs of {@code block} at {@code offset}, back to back, none waiting for the one before; returns
         * once the last has landed in the remote memory (its last cell alone is acknowledged).
         */
        void writeBlocks(int offset, byte[] block, int count);

        /** CAS on the 4-byte word at {@code offset}: true if it held {@code expected} and now holds {@code replacement}. */
        boolean compareAndSwap(int offset, int expected, int replacement);

        /** The segment's size in bytes. */
        int bytes();
    }
}
