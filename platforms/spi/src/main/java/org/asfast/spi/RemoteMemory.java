package org.asfast.spi;

/**
 * Remote memory, as Thekkath et al. define it (§3.1): segments another machine exported by name, read, written and
 * compared-and-swapped at byte offsets with no process on that machine taking part.
 */
public interface RemoteMemory extends Capability {

    /** Imports the segment exported as {@code name}; an unknown name is a {@link UserError}. */
    Segment open(String name);

    /** An imported segment. Each call returns when the operation is over; an access outside it is a {@link UserError}. */
    interface Segment {
        /** READ: {@code bytes} at {@code offset}, brought into this machine's memory. */
        byte[] read(int offset, int bytes);

        /** WRITE: {@code data} at {@code offset}; returns once the data is in the remote memory. */
        void write(int offset, byte[] data);

        /** CAS on the 4-byte word at {@code offset}: true if it held {@code expected} and now holds {@code replacement}. */
        boolean compareAndSwap(int offset, int expected, int replacement);

        /** The segment's size in bytes. */
        int bytes();
    }
}
