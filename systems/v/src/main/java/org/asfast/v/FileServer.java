package org.asfast.v;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.asfast.nodes.Storage;

/**
 * A V file server process implementing the UIO interface's block reads: a file is a sequence of 1 KB
 * blocks, each read with one message transaction whose reply carries the block. Blocks come from the
 * server's buffer pool, or from its disk when the pool does not hold them. Per request it does the UIO
 * server's share of {@code uio_instructions} (decoding the request, finding the block in the pool).
 */
public final class FileServer implements VServer {
    static final int OPEN = 1;
    static final int READ = 2;
    static final int CLOSE = 3;

    private VKernel kernel;
    private Storage disk;
    private final Map<Integer, Long> sizes = new HashMap<>();
    private final Map<Long, byte[]> pool = new HashMap<>();
    private int nextFile = 1;
    private long reads;

    @Override
    public void started(VKernel kernel, int pid) {
        this.kernel = kernel;
        this.disk = kernel.context().storage("files");
    }

    /** Block reads served so far. */
    public long reads() {
        return reads;
    }

    static byte[] message(int op, long a, long b) {
        return ByteBuffer.allocate(Packet.MESSAGE_BYTES).putInt(op).putLong(a).putLong(b).array();
    }

    /** The content of byte {@code offset} of every file, so a reader can check what it got. */
    static byte content(long offset) {
        return (byte) (offset * 13 + 5);
    }

    @Override
    public void receive(Request request) {
        ByteBuffer m = ByteBuffer.wrap(request.message());
        int op = m.getInt();
        long a = m.getLong();
        long b = m.getLong();
        kernel.userWork(kernel.context().parameter("uio_instructions") * kernel.context().parameter("uio_server_share"));
        switch (op) {
            case OPEN -> open(request, a, b != 0);
            case READ -> read(request, (int) a, b);
            case CLOSE -> {
                sizes.remove((int) a);
                kernel.reply(request, message(CLOSE, a, 0), new byte[0]);
            }
            default -> kernel.reply(request, message(-1, op, 0), new byte[0]);
        }
    }

    /** Creates a file of {@code size} bytes on disk; with {@code cached} its blocks are also in the pool. */
    private void open(Request request, long size, boolean cached) {
        int file = nextFile++;
        sizes.put(file, size);
        int blockBytes = blockBytes();
        for (long block = 0; block * blockBytes < size; block++) {
            byte[] data = new byte[(int) Math.min(blockBytes, size - block * blockBytes)];
            for (int i = 0; i < data.length; i++) {
                data[i] = content(block * blockBytes + i);
            }
            if (cached) {
                pool.put(key(file, block), data);
            } else {
                disk.write(offset(file, block), data, false, () -> { });
            }
        }
        kernel.reply(request, message(OPEN, file, size), new byte[0]);
    }

    private void read(Request request, int file, long block) {
        Long size = sizes.get(file);
        int blockBytes = blockBytes();
        if (size == null || block * blockBytes >= size) {
            kernel.reply(request, message(READ, -1, 0), new byte[0]); // end of file, or no such file
            return;
        }
        reads++;
        byte[] data = pool.get(key(file, block));
        if (data != null) {
            kernel.reply(request, message(READ, file, block), data);
            return;
        }
        int length = (int) Math.min(blockBytes, size - block * blockBytes);
        disk.read(offset(file, block), length, read -> {
            pool.put(key(file, block), read);
            kernel.reply(request, message(READ, file, block), read);
        });
    }

    private int blockBytes() {
        return (int) kernel.context().parameter("uio_block_bytes");
    }

    private static long key(int file, long block) {
        return (long) file << 40 | block;
    }

    private long offset(int file, long block) {
        return ((long) file << 32) + block * blockBytes();
    }
}
