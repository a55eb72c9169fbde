package org.asfast.v;

import java.nio.ByteBuffer;
import org.asfast.spi.Ipc;

/**
 * The server of Cheriton's Table I: on each request it moves the asked-for number of bytes, in the
 * Reply's segment, by MoveTo into the client's buffer, or by MoveFrom out of the client's segment, with
 * "insignificant processing time" between Receive and Reply. It counts the requests it executes.
 */
public final class SegmentServer implements VServer {
    private final byte[] data = new byte[16384];
    private VKernel kernel;
    private long executions;

    public SegmentServer() {
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
    }

    /** The request for {@code bytes} moved as {@code transfer} says. */
    static byte[] request(Ipc.Transfer transfer, int bytes) {
        return ByteBuffer.allocate(Packet.MESSAGE_BYTES).putInt(transfer.ordinal()).putInt(bytes).array();
    }

    /** The server's execution count carried in a reply. */
    static long executionsIn(byte[] reply) {
        return ByteBuffer.wrap(reply, 16, 8).getLong();
    }

    /** The byte at {@code index} of the data this server sends, for checking what arrived. */
    static byte expected(int index) {
        return (byte) (index * 31 + 7);
    }

    @Override
    public void started(VKernel kernel, int pid) {
        this.kernel = kernel;
    }

    /** Requests executed so far. */
    public long executions() {
        return executions;
    }

    @Override
    public void receive(Request request) {
        executions++;
        ByteBuffer m = ByteBuffer.wrap(request.message());
        Ipc.Transfer transfer = Ipc.Transfer.values()[m.getInt()];
        int bytes = m.getInt();
        byte[] reply = request.message();
        ByteBuffer.wrap(reply, 16, 8).putLong(executions); // so that a client in another JVM can count executions
        switch (transfer) {
            case REPLY_SEGMENT -> kernel.reply(request, reply, java.util.Arrays.copyOf(data, bytes));
            case MOVE_TO -> kernel.moveTo(request, 0, java.util.Arrays.copyOf(data, bytes), () -> kernel.reply(request, reply, new byte[0]));
            case MOVE_FROM -> kernel.moveFrom(request, 0, bytes, moved -> {
                ByteBuffer.wrap(reply, 8, 4).putInt(moved.length);
                kernel.reply(request, reply, new byte[0]);
            });
        }
    }
}
