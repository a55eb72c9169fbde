package org.asfast.spi;

/**
 * Block-oriented I/O through a file server, as in V's UIO interface (Cheriton 1988): a client reads an
 * open file block by block with a message transaction to the server holding it; a byte-stream layer in the
 * client's run-time library (getbyte, the V version of UNIX getc) serves bytes from a local buffer and reads
 * the next block only when the buffer is empty.
 */
public interface Uio extends Capability {

    /** Where the file is served from, relative to the reading client. */
    enum Where {
        /** A file server process on the client's host. */
        LOCAL_SERVER,
        /** A file server process on another host. */
        REMOTE_SERVER,
        /** The client kernel's page frame cache, holding the block already. */
        PAGE_CACHE,
        /** The client kernel's page frame cache, missing the block: it is read from the backing remote server. */
        PAGE_CACHE_MISS
    }

    /** An open UIO object, with its client-side byte buffer. */
    interface File {
        /** The size of one block, the unit of every server read. */
        int blockBytes();
    }

    /** Opens a file of {@code fileBytes} bytes whose blocks the server already holds in memory. */
    File open(Where where, long fileBytes);

    /** Reads the block at {@code blockIndex} into the client's buffer (one transaction); returns the bytes read. */
    int readBlock(File file, long blockIndex);

    /** The next byte of the file through the run-time library's buffer, refilled by a block read when empty; -1 at end. */
    int getbyte(File file);

    /** Ends the stream, releasing the server's state for it. */
    void close(File file);
}
