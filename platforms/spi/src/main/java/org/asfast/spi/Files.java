package org.asfast.spi;

import java.lang.foreign.MemorySegment;

/**
 * A file system rooted at the platform's scratch directory. Paths are relative, use '/' and may not
 * contain ".." or start with '/': a workload cannot reach outside its scratch directory, and the
 * platform never follows a symbolic link out of it.
 */
public interface Files extends Capability {

    /** Opens an existing file for reading. */
    int openForReading(String path);

    /** Creates (or truncates) a file and opens it for writing. */
    int create(String path);

    /** Reads up to {@code bytes}; returns the count read, 0 at end of file. */
    long read(int fd, MemorySegment buffer, long bytes);

    /** Writes {@code bytes}; returns the count written. */
    long write(int fd, MemorySegment buffer, long bytes);

    /** Moves the file offset back to the start. */
    void rewind(int fd);

    /** Closes a descriptor. */
    void close(int fd);

    /** Removes a file. */
    void unlink(String path);

    /** Returns the file's size in bytes, from stat. */
    long stat(String path);

    /** Creates a directory. */
    void mkdir(String path);

    /** Throws a {@link UserError} unless the target has at least {@code bytes} free for {@code purpose}. */
    void requireFreeSpace(long bytes, String purpose);

    /**
     * Writes the file system's dirty data back now, between measurements, so that a measured operation does not pay
     * for the write-back of files that earlier ones left (the host: syncfs(2)). A platform with nothing to write back
     * does nothing.
     */
    default void writeBack() {
    }
}
