package org.asfast.model;

import java.util.BitSet;

/** A modelled process's descriptor numbers, lowest free first, as UNIX hands them out. */
final class Descriptors {
    private final BitSet used = new BitSet();

    Descriptors() {
        used.set(0, 3); // standard input, output and error
    }

    int allocate() {
        int fd = used.nextClearBit(0);
        used.set(fd);
        return fd;
    }

    void release(int fd) {
        used.clear(fd);
    }
}
