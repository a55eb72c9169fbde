package org.asfast.spi;

import java.lang.foreign.MemorySegment;

/** UNIX pipes and the read, write and close calls on descriptors (Ousterhout §5, §6). */
public interface Pipes extends Capability {

    /** Creates a pipe. */
    Pipe open();

    /** Reads up to {@code bytes} into {@code buffer}; returns the count read, 0 at end of file. */
    int read(int fd, MemorySegment buffer, int bytes);

    /** Writes {@code bytes} from {@code buffer}; returns the count written. */
    int write(int fd, MemorySegment buffer, int bytes);

    /** Closes a descriptor. */
    void close(int fd);

    /** The two descriptors of a pipe. */
    record Pipe(int readFd, int writeFd) {
    }
}
