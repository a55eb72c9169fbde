package org.asfast.v;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * V's kernel memory server and its page frame cache, for the blocks of one file served by a backing file
 * server: invoked as a procedure inside the client's kernel, it answers a UIO block read from the cache,
 * or on a miss has the reader's request sent on to the backing server ({@link VKernel#sendFor}) and keeps the block. With {@code keep} false it keeps
 * nothing, so that every read misses.
 */
public final class MemoryServer implements VServer {
    private final int backing;
    private final boolean keep;
    private final Map<Long, byte[]> cache = new HashMap<>();
    private VKernel kernel;
    private int pid;
    private long misses;

    public MemoryServer(int backing, boolean keep) {
        this.backing = backing;
        this.keep = keep;
    }

    @Override
    public void started(VKernel kernel, int pid) {
        this.kernel = kernel;
        this.pid = pid;
    }

    public long misses() {
        return misses;
    }

    @Override
    public void receive(Request request) {
        ByteBuffer m = ByteBuffer.wrap(request.message());
        int op = m.getInt();
        long file = m.getLong();
        long block = m.getLong();
        kernel.context().work(org.asfast.nodes.Work.KERNEL_CALL,
                kernel.context().parameter("uio_instructions") * kernel.context().parameter("uio_server_share"));
        if (op != FileServer.READ) {
            kernel.sendFor(pid, backing, request.message(), reply -> kernel.reply(request, reply.message(), new byte[0]));
            return;
        }
        byte[] cached = cache.get(file << 40 | block);
        if (cached != null) {
            kernel.reply(request, request.message(), cached);
            return;
        }
        misses++;
        kernel.sendFor(pid, backing, request.message(), reply -> {
            if (keep && reply.segment() != null) {
                cache.put(file << 40 | block, reply.segment());
            }
            kernel.reply(request, reply.failed() ? FileServer.message(FileServer.READ, -1, 0) : reply.message(),
                    reply.failed() ? new byte[0] : reply.segment());
        });
    }
}
