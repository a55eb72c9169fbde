package org.asfast.v;

import java.nio.ByteBuffer;
import java.util.function.IntConsumer;

/**
 * The client's side of an open UIO object, in the process's run-time library: block reads are message
 * transactions to the server (the library's share of {@code uio_instructions} each), and getbyte, the V
 * version of getc, returns the next byte of a local buffer for {@code getbyte_instructions} and reads the
 * next block only when the buffer is empty, so that the kernel is not invoked on most calls.
 */
public final class UioStream {
    private final VKernel kernel;
    private final int client;
    private final int server;
    private final long file;
    private byte[] buffer = new byte[0];
    private int position;
    private long nextBlock;
    private boolean atEnd;
    private String error;

    UioStream(VKernel kernel, int client, int server, long file) {
        this.kernel = kernel;
        this.client = client;
        this.server = server;
        this.file = file;
    }

    /** Reads block {@code block} into the buffer; {@code done} gets the bytes read (0 at end of file, -1 on error). */
    public void readBlock(long block, IntConsumer done) {
        libraryWork(kernel);
        kernel.send(client, server, FileServer.message(FileServer.READ, file, block), new byte[0], new byte[0], 0, reply -> {
            if (reply.failed()) {
                error = reply.error();
                done.accept(-1);
                return;
            }
            ByteBuffer m = ByteBuffer.wrap(reply.message());
            m.getInt();
            atEnd = m.getLong() < 0;
            buffer = atEnd ? new byte[0] : reply.segment();
            position = 0;
            nextBlock = block + 1;
            done.accept(buffer.length);
        });
    }

    /** The run-time library's share of one UIO request, made by a process on {@code kernel}'s host: building it and taking its reply apart. */
    static void libraryWork(VKernel kernel) {
        kernel.userWork(kernel.context().parameter("uio_instructions") * (1 - kernel.context().parameter("uio_server_share")));
    }

    /** Why the last read failed, or null. */
    public String error() {
        return error;
    }

    /** getbyte: the next byte, from the buffer or after reading the next block; -1 at end of file. */
    public void getbyte(IntConsumer done) {
        kernel.userWork(kernel.context().parameter("getbyte_instructions"));
        if (position < buffer.length) {
            done.accept(buffer[position++] & 0xff);
        } else if (atEnd) {
            done.accept(-1);
        } else {
            readBlock(nextBlock, n -> done.accept(n > 0 ? buffer[position++] & 0xff : -1));
        }
    }
}
