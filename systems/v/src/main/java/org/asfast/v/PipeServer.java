package org.asfast.v;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * V's pipe server: UNIX-like pipes outside the kernel, built on the IPC primitives and the UIO interface.
 * A writer's request carries its data as the segment; a reader's request is answered with what the pipe
 * holds, or held until a writer supplies data; a writer is held while the pipe is full. Each request costs
 * the UIO server's share of {@code uio_instructions}. The same class runs as a process (V's design) or,
 * for comparison, invoked as a procedure inside the kernel ({@link VKernel#spawnInKernel}).
 */
public final class PipeServer implements VServer {
    static final int WRITE = 1;
    static final int READ = 2;
    static final int CLOSE = 3;

    private final int capacity;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private final ArrayDeque<Request> readers = new ArrayDeque<>();
    private final ArrayDeque<Request> writers = new ArrayDeque<>();
    private VKernel kernel;
    private boolean closed;

    public PipeServer(int capacity) {
        this.capacity = capacity;
    }

    static byte[] message(int op, int bytes) {
        return ByteBuffer.allocate(Packet.MESSAGE_BYTES).putInt(op).putInt(bytes).array();
    }

    @Override
    public void started(VKernel kernel, int pid) {
        this.kernel = kernel;
    }

    @Override
    public void receive(Request request) {
        ByteBuffer m = ByteBuffer.wrap(request.message());
        int op = m.getInt();
        kernel.userWork(kernel.context().parameter("uio_instructions") * kernel.context().parameter("uio_server_share"));
        switch (op) {
            case WRITE -> writers.add(request);
            case READ -> readers.add(request);
            case CLOSE -> {
                closed = true;
                kernel.reply(request, message(CLOSE, 0), new byte[0]);
            }
            default -> kernel.reply(request, message(-1, 0), new byte[0]);
        }
        serve();
    }

    /** Takes in writers' data while there is room, then answers readers while there is data (or end of file). */
    private void serve() {
        boolean progress = true;
        while (progress) {
            progress = false;
            if (!writers.isEmpty() && held.size() + writers.peek().segment().length <= Math.max(capacity, writers.peek().segment().length)
                    && (held.size() == 0 || held.size() + writers.peek().segment().length <= capacity)) {
                Request w = writers.poll();
                held.writeBytes(w.segment());
                kernel.reply(w, message(WRITE, w.segment().length), new byte[0]);
                progress = true;
            }
            if (!readers.isEmpty() && (held.size() > 0 || closed)) {
                Request r = readers.poll();
                int want = ByteBuffer.wrap(r.message(), 4, 4).getInt();
                byte[] all = held.toByteArray();
                int n = Math.min(want, all.length);
                held.reset();
                held.writeBytes(Arrays.copyOfRange(all, n, all.length));
                kernel.reply(r, message(READ, n), Arrays.copyOf(all, n));
                progress = true;
            }
        }
    }
}
