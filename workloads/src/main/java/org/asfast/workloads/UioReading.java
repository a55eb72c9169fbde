package org.asfast.workloads;

import org.asfast.spi.Ipc;
import org.asfast.spi.Platform;
import org.asfast.spi.Uio;

/**
 * Cheriton 1988, Table II, "UIO Reading: Time per Kilobyte": the getbyte column is "the basic processing
 * time for calling the V version of the UNIX getc 1024 times (to return 1024 bytes), not including any
 * filling or flushing of the local buffer"; Disk (bytes) is "the elapsed time per kilobyte to do a 1 kilobyte
 * read using 1024 getc operations (including the cost of reading the 1 kilobyte read from the file server)";
 * Disk (blocks) is "a 1 kilobyte block read (without getting each byte)"; IPC is "the basic interprocess
 * communication cost portion of these operations". The server is on the reader's host or another one; the
 * text's page frame cache reads are Disk (blocks) against the kernel's cache, holding the page or not.
 */
public final class UioReading implements Workload {
    /** Table II's columns. */
    public enum Column { GETBYTE, DISK_BYTES, DISK_BLOCKS, IPC }

    /** Enough blocks that a run never wraps around to a block read before. */
    private static final long FILE_BLOCKS = 4096;

    private final Column column;
    private final Uio uio;
    private final Uio.File file;
    private final Ipc ipc;
    private final Ipc.Server server;
    private long nextBlock;

    public UioReading(Platform platform, Uio.Where where, Column column) {
        this.column = column;
        if (column == Column.IPC) {
            ipc = platform.require(Ipc.class);
            server = ipc.server(where == Uio.Where.LOCAL_SERVER ? Ipc.Where.LOCAL : Ipc.Where.REMOTE);
            uio = null;
            file = null;
        } else {
            uio = platform.require(Uio.class);
            file = uio.open(where, FILE_BLOCKS * 1024);
            ipc = null;
            server = null;
        }
    }

    /** The untimed part of one kilobyte: for the getbyte column, filling the buffer with the next block. */
    public void prepare() {
        if (column == Column.GETBYTE) {
            uio.readBlock(file, nextBlock++ % FILE_BLOCKS);
        }
    }

    /** One kilobyte read as the column says; returns the bytes read. */
    public int readKilobyte() {
        return switch (column) {
            case GETBYTE, DISK_BYTES -> {
                int sum = 0;
                for (int i = 0; i < 1024; i++) {
                    sum += uio.getbyte(file);
                }
                if (column == Column.DISK_BYTES) {
                    nextBlock++;
                }
                yield sum >= 0 ? 1024 : 0;
            }
            case DISK_BLOCKS -> uio.readBlock(file, nextBlock++ % FILE_BLOCKS);
            case IPC -> ipc.send(server, Ipc.Transfer.REPLY_SEGMENT, 1024);
        };
    }

    @Override
    public void close() {
        if (file != null) {
            uio.close(file);
        }
    }
}
